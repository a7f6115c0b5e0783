'use client';

import { useActionState, useState } from 'react';
import type { ActionState } from '@/lib/actions';
import { buttonClass } from '@/components/ui/button';
import { controlClass } from '@/components/ui/input';

export type TotpSetupData = { groupedKey: string; qrSvg: string };
type ConfirmState = ActionState<{ recoveryCodes: string[] | null }>;

const inputClass = controlClass({ fit: true, className: 'mt-1 w-40 font-mono' });
const button = buttonClass({ variant: 'primary' });

/**
 * Setting up an authenticator app: a QR code and the same key to type by hand, then a code
 * from the app to prove it works. Nothing is in force until that code is confirmed.
 */
export function TotpSetup({
  begin,
  confirm,
  initial,
  onConfirmed,
}: {
  begin: () => Promise<ActionState<TotpSetupData>>;
  confirm: (prev: ConfirmState, form: FormData) => Promise<ConfirmState>;
  initial: TotpSetupData | null;
  /** The app is on: the panel shows the message (and any recovery codes), as this form goes away. */
  onConfirmed: (message: string, recoveryCodes: string[] | null) => void;
}) {
  const [setup, setSetup] = useState<TotpSetupData | null>(initial);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const [state, confirmAction, confirming] = useActionState(
    async (prev: ConfirmState, form: FormData) => {
      const result = await confirm(prev, form);
      if (result.ok) onConfirmed(result.message ?? 'Your authenticator app is set up.', result.data?.recoveryCodes ?? null);
      return result;
    },
    { ok: false },
  );
  const codeError = state.ok ? undefined : state.fieldErrors?.code?.[0];

  async function start() {
    setStarting(true);
    setStartError(null);
    const result = await begin();
    setStarting(false);
    if (result.ok && result.data) setSetup({ groupedKey: result.data.groupedKey, qrSvg: result.data.qrSvg });
    else setStartError(result.message ?? 'Could not start. Try again.');
  }

  if (state.ok) return null;
  if (!setup) {
    return (
      <div className="space-y-2">
        <button type="button" onClick={start} disabled={starting} className={button}>
          {starting ? 'Starting…' : 'Set up an authenticator app'}
        </button>
        {startError ? (
          <p role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger">
            {startError}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-3 pl-5 text-sm">
        <li>
          Scan this QR code with an authenticator app (1Password, Google Authenticator, Microsoft Authenticator, Aegis…).
          <div role="img" aria-label="QR code of your authenticator app key" className="mt-2 w-48 bg-white p-1" dangerouslySetInnerHTML={{ __html: setup.qrSvg }} />
        </li>
        <li>
          Or type this key into the app by hand:{' '}
          <code data-testid="totp-key" className="rounded bg-surface-muted px-1 font-mono">
            {setup.groupedKey}
          </code>
        </li>
        <li>Enter the 6-digit code the app now shows.</li>
      </ol>
      <form action={confirmAction} className="flex flex-wrap items-end gap-2" noValidate>
        <div>
          <label htmlFor="totp-confirm-code" className="block text-sm font-semibold">
            Code from the app
          </label>
          <input
            id="totp-confirm-code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            aria-invalid={!!codeError}
            aria-describedby={codeError ? 'totp-confirm-error' : undefined}
            className={inputClass}
          />
        </div>
        <button type="submit" disabled={confirming} className={button}>
          {confirming ? 'Checking…' : 'Turn on two-factor'}
        </button>
        <div aria-live="polite" className="basis-full">
          {!state.ok && state.message ? (
            <p id="totp-confirm-error" role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger">
              {codeError ?? state.message}
            </p>
          ) : null}
        </div>
      </form>
    </div>
  );
}
