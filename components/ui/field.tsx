import type { ReactNode } from 'react';
import { cn } from './cn';

/** What a Field hands its control: the id its label points at and the wiring to its hint and error. */
export type FieldControlProps = { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true };

/** The ids a control is described by: its error first (read first), then its hint. */
export function describedBy(id: string, { hint, error }: { hint?: unknown; error?: unknown }): string | undefined {
  return [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
}

export function fieldControlProps(id: string, opts: { hint?: unknown; error?: unknown }): FieldControlProps {
  return { id, 'aria-describedby': describedBy(id, opts), ...(opts.error ? { 'aria-invalid': true as const } : {}) };
}

export function Label({ htmlFor, id, children, className }: { htmlFor?: string; id?: string; children: ReactNode; className?: string }) {
  return (
    <label htmlFor={htmlFor} id={id} className={cn('block text-sm font-semibold', className)}>
      {children}
    </label>
  );
}

/** A line under a control; `className` replaces its muted colour (a warning, say). */
export function FieldHint({ id, children, className }: { id: string; children: ReactNode; className?: string }) {
  return (
    <p id={id} className={cn('mt-1 text-xs', className || 'text-muted')}>
      {children}
    </p>
  );
}

export function FieldError({ id, children }: { id: string; children?: ReactNode }) {
  return children ? (
    <p id={id} className="mt-1 text-sm font-medium text-danger">
      {children}
    </p>
  ) : null;
}

/**
 * A labelled form control with its hint and error, wired with aria-describedby and
 * aria-invalid: `<Field id="x" label="Name" error={e}>{(p) => <Input {...p} name="name" />}</Field>`.
 */
export function Field({
  id,
  label,
  hint,
  hintClassName,
  error,
  labelHidden = false,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  /** The label is read by screen readers only (a control whose row or column already says what it is). */
  labelHidden?: boolean;
  hint?: ReactNode;
  /** E.g. a warning colour for a hint that warns. */
  hintClassName?: string;
  error?: string;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  return (
    <div className={className}>
      <Label htmlFor={id} className={labelHidden ? 'sr-only' : undefined}>
        {label}
      </Label>
      <div className={labelHidden ? undefined : 'mt-1'}>{children(fieldControlProps(id, { hint, error }))}</div>
      {hint ? (
        <FieldHint id={`${id}-hint`} className={hintClassName}>
          {hint}
        </FieldHint>
      ) : null}
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  );
}
