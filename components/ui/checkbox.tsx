import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

type Props = Omit<ComponentProps<'input'>, 'type'> & {
  /** The visible label; without it, name the box with aria-label (e.g. in a table row). */
  label?: ReactNode;
  /** A line under the label, read as the box's description (needs an `id`). */
  hint?: ReactNode;
};

const box = 'size-4 shrink-0 accent-primary disabled:opacity-60';

function Choice({ type, label, hint, id, className, ...props }: Props & { type: 'checkbox' | 'radio' }) {
  if (!label) return <input type={type} id={id} className={cn(box, className)} {...props} />;
  if (!id) {
    return (
      <label className={cn('flex items-center gap-2 text-sm', className)}>
        <input type={type} className={box} {...props} />
        <span>{label}</span>
      </label>
    );
  }
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={cn('flex items-start gap-2 text-sm', className)}>
      <input type={type} id={id} aria-describedby={hintId} className={cn(box, 'mt-0.5')} {...props} />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint ? (
          <p id={hintId} className="text-xs text-muted">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** A checkbox with its label (and hint) beside it, or a bare box named by aria-label. */
export function Checkbox(props: Props) {
  return <Choice type="checkbox" {...props} />;
}

/** A radio button with its label beside it. */
export function Radio(props: Props) {
  return <Choice type="radio" {...props} />;
}
