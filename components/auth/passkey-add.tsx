'use client';

import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { useState, type FormEvent } from 'react';
import type { ActionState } from '@/lib/actions';
import { buttonClass } from '@/components/ui/button';
import { controlClass } from '@/components/ui/input';
import { ActionMessage } from '@/components/ui/alert';

const inputClass = controlClass({ className: 'mt-1' });
const button = buttonClass({ variant: 'primary' });

/** "Add a passkey": a name for it, then the browser's own prompt (security key, phone, laptop). */
export function PasskeyAdd({
  getOptions,
  register,
  onRecoveryCodes,
}: {
  getOptions: () => Promise<ActionState<{ options: PublicKeyCredentialCreationOptionsJSON }>>;
  register: (input: { name: string; response: unknown }) => Promise<ActionState<{ recoveryCodes: string[] | null }>>;
  onRecoveryCodes: (codes: string[]) => void;
}) {
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string; nameError?: string } | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const name = String(new FormData(formEl).get('name') ?? '').trim();
    if (!name) return setResult({ ok: false, message: 'Name the passkey, e.g. “Work laptop”.', nameError: 'Name the passkey, e.g. “Work laptop”.' });
    setPending(true);
    setResult(null);
    try {
      const start = await getOptions();
      if (!start.ok || !start.data) return setResult({ ok: false, message: start.message ?? 'Could not start. Try again.' });
      let response;
      try {
        response = await startRegistration({ optionsJSON: start.data.options });
      } catch (err) {
        const exists = err instanceof Error && err.name === 'InvalidStateError';
        return setResult({ ok: false, message: exists ? 'This device already holds a passkey for your account.' : 'No passkey was created. Try again when your device asks.' });
      }
      const saved = await register({ name, response });
      setResult({ ok: saved.ok, message: saved.message ?? (saved.ok ? 'Passkey added.' : 'The passkey could not be added.'), nameError: saved.fieldErrors?.name?.[0] });
      if (saved.ok) {
        formEl.reset();
        if (saved.data?.recoveryCodes) onRecoveryCodes(saved.data.recoveryCodes);
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} aria-label="Add a passkey" className="space-y-3" noValidate>
      <div>
        <label htmlFor="passkey-name" className="block text-sm font-semibold">
          Passkey name
        </label>
        <input id="passkey-name" name="name" maxLength={60} autoComplete="off" aria-invalid={!!result?.nameError} aria-describedby="passkey-name-hint" className={inputClass} />
        <p id="passkey-name-hint" className="mt-1 text-sm text-muted">
          So you can tell your passkeys apart, e.g. “Work laptop” or “Blue security key”.
        </p>
      </div>
      <button type="submit" disabled={pending} className={button}>
        {pending ? 'Waiting for your device…' : 'Add a passkey'}
      </button>
      <ActionMessage state={result ?? { ok: true }} />
    </form>
  );
}
