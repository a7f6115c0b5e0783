import type { ComponentProps } from 'react';
import { cn } from './cn';

type Look = {
  /** Smaller, for filter bars and table rows. */
  compact?: boolean;
  /** As wide as its content (or a width class), not the whole row. */
  fit?: boolean;
};

/** The look shared by text inputs, text areas and selects. */
export function controlClass({ compact, fit, className }: Look & { className?: string } = {}) {
  return cn(
    'block rounded-md border border-strong bg-surface text-fg placeholder:text-muted aria-[invalid=true]:border-danger aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-danger disabled:opacity-60',
    compact ? 'px-2 py-1 text-sm' : 'px-3 py-2',
    fit ? '' : 'w-full',
    className,
  );
}

export function Input({ compact, fit, className, ...props }: ComponentProps<'input'> & Look) {
  return <input className={controlClass({ compact, fit, className: cn('read-only:bg-surface-muted', className) })} {...props} />;
}

export function Textarea({ compact, fit, className, rows = 3, ...props }: ComponentProps<'textarea'> & Look) {
  return <textarea rows={rows} className={controlClass({ compact, fit, className: cn('read-only:bg-surface-muted', className) })} {...props} />;
}

/** A native select; pass `options` or <option> children. */
export function Select({ compact, fit, className, options, children, ...props }: ComponentProps<'select'> & Look & { options?: { value: string; label: string }[] }) {
  return (
    <select className={controlClass({ compact, fit, className: cn('pr-8', className) })} {...props}>
      {options?.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
      {children}
    </select>
  );
}
