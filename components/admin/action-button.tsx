'use client';

import { useActionState, useRef, useState } from 'react';
import { Button, type ButtonVariant } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { ActionState } from '@/lib/actions';

/**
 * A one-button form around a server action (Revoke, Lift, Resend, Restore version 3…) with its
 * outcome beside it; with `confirm`, a dialog asks first. `quiet` shows only failures (the page
 * refreshes or moves on after a success).
 */
export function ActionButton({
  action,
  fields,
  label,
  variant = 'secondary',
  confirm,
  quiet = false,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  label: string;
  variant?: ButtonVariant;
  confirm?: string;
  quiet?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const [asking, setAsking] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const message = state.message && !(quiet && state.ok) ? state.message : null;
  return (
    <form ref={form} action={formAction} className="inline-block">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type={confirm ? 'button' : 'submit'} variant={variant} size="sm" disabled={pending} onClick={confirm ? () => setAsking(true) : undefined}>
        {label}
      </Button>
      {confirm ? (
        <Dialog
          open={asking}
          onClose={() => setAsking(false)}
          size="sm"
          title={label}
          description={confirm}
          footer={
            <>
              <Button onClick={() => setAsking(false)}>Cancel</Button>
              <Button
                variant={variant === 'danger' ? 'danger' : 'primary'}
                onClick={() => {
                  setAsking(false);
                  form.current?.requestSubmit();
                }}
              >
                {label}
              </Button>
            </>
          }
        />
      ) : null}
      {message ? (
        <p role={state.ok ? 'status' : 'alert'} className={`mt-1 text-sm ${state.ok ? 'text-success' : 'text-danger'}`}>
          {message}
        </p>
      ) : null}
    </form>
  );
}
