import Link from 'next/link';
import type { ComponentProps } from 'react';
import { cn } from './cn';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';
export type ButtonSize = 'sm' | 'md';

const VARIANTS: Record<ButtonVariant, string> = {
  primary: 'bg-primary text-on-primary hover:bg-primary/85',
  secondary: 'border border-strong bg-surface text-fg hover:bg-surface-muted',
  danger: 'bg-danger text-on-danger hover:bg-danger/85',
  ghost: 'text-fg hover:bg-surface-muted',
};

const SIZES: Record<ButtonSize, string> = {
  sm: 'min-h-8 px-3 py-1 text-sm',
  md: 'min-h-10 px-4 py-2 text-sm',
};

/** The classes of a button, for links and labels that look like one. */
export function buttonClass({ variant = 'secondary', size = 'md', className }: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}) {
  return cn(
    'inline-flex items-center justify-center gap-2 rounded-md font-semibold whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-60',
    VARIANTS[variant],
    SIZES[size],
    className,
  );
}

type Variants = { variant?: ButtonVariant; size?: ButtonSize };

/** A button. `type` defaults to "button": a submit button says so. */
export function Button({ variant, size, className, type = 'button', ...props }: ComponentProps<'button'> & Variants) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}

/** A link that looks like a button (e.g. "New article"). */
export function ButtonLink({ variant, size, className, ...props }: ComponentProps<typeof Link> & Variants) {
  return <Link className={buttonClass({ variant, size, className })} {...props} />;
}
