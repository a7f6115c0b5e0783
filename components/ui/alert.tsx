import type { ReactNode } from 'react';
import { cn } from './cn';

export type AlertTone = 'success' | 'danger' | 'warning' | 'info';

const TONES: Record<AlertTone, string> = {
  success: 'border-success/30 bg-success-soft text-success',
  danger: 'border-danger/30 bg-danger-soft text-danger',
  warning: 'border-warning/30 bg-warning-soft text-warning',
  info: 'border-info/30 bg-info-soft text-info',
};

/**
 * An inline message: the outcome of a form, a warning about the screen. Errors are alerts
 * (read out at once); the rest are statuses, unless `role` says otherwise (null for none).
 */
export function Alert({ tone, role, className, children }: { tone: AlertTone; role?: 'status' | 'alert' | 'note' | null; className?: string; children: ReactNode }) {
  const r = role === null ? undefined : (role ?? (tone === 'danger' ? 'alert' : 'status'));
  return (
    <div role={r} className={cn('rounded-md border px-3 py-2 text-sm', TONES[tone], className)}>
      {children}
    </div>
  );
}

/** The outcome of a server action under its form, inside a polite live region. */
export function ActionMessage({ state, className }: { state: { ok: boolean; message?: string }; className?: string }) {
  return (
    <div aria-live="polite" className={className}>
      {state.message ? <Alert tone={state.ok ? 'success' : 'danger'}>{state.message}</Alert> : null}
    </div>
  );
}
