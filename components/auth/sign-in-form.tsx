'use client';

import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

const linkButton = 'text-sm font-semibold underline underline-offset-2 disabled:opacity-60';

type Methods = { totp: boolean; passkey: boolean; recovery: boolean };
type Answer = { status?: 'signed-in' | 'second-factor'; redirect?: string; methods?: Methods; options?: PublicKeyCredentialRequestOptionsJSON; error?: { code: string; message: string } };

async function post(path: string, body: object): Promise<Answer> {
  try {
    const res = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
    return (await res.json().catch(() => ({ error: { code: 'internal', message: `The server answered ${res.status}. Try again.` } }))) as Answer;
  } catch {
    return { error: { code: 'network', message: 'Could not reach the server. Check your connection and try again.' } };
  }
}

/**
 * Sign-in in two steps: email and password, then (for accounts with two-factor) a code from the
 * authenticator app, a passkey or a recovery code. The server answers each step; the form only
 * shows what it says, so every refusal (including "Too many sign-in attempts…") reads the same.
 */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [step, setStep] = useState<'password' | 'second-factor'>('password');
  const [methods, setMethods] = useState<Methods>({ totp: false, passkey: false, recovery: false });
  const [mode, setMode] = useState<'totp' | 'recovery' | 'passkey'>('totp');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  function follow(answer: Answer): void {
    if (answer.status === 'signed-in' && answer.redirect) {
      window.location.assign(answer.redirect);
      return;
    }
    setPending(false);
    if (answer.status === 'second-factor' && answer.methods) {
      setMethods(answer.methods);
      setMode(answer.methods.totp ? 'totp' : answer.methods.passkey ? 'passkey' : 'recovery');
      setStep('second-factor');
      setError(null);
      return;
    }
    if (answer.error?.code === 'expired') setStep('password');
    setError(answer.error?.message ?? 'Something went wrong. Try again.');
    codeRef.current?.focus();
  }

  async function onPassword(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    follow(await post('/api/auth/sign-in', { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? ''), callbackUrl }));
  }

  async function onCode(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get('code') ?? '');
    setPending(true);
    setError(null);
    follow(await post('/api/auth/sign-in/verify', { method: mode === 'recovery' ? 'recovery' : 'totp', code, callbackUrl }));
  }

  async function onPasskey() {
    setPending(true);
    setError(null);
    const start = await post('/api/auth/sign-in/passkey', {});
    if (!start.options) return follow(start);
    let response;
    try {
      response = await startAuthentication({ optionsJSON: start.options });
    } catch {
      setPending(false);
      setError('The passkey was not used. Try again, or use another way to verify.');
      return;
    }
    follow(await post('/api/auth/sign-in/verify', { method: 'passkey', response, callbackUrl }));
  }

  const alert = error ? (
    <Alert tone="danger" role="alert">
      {error}
    </Alert>
  ) : null;

  if (step === 'password') {
    return (
      <form onSubmit={onPassword} className="mt-6 space-y-4">
        <Field id="email" label="Email">
          {(p) => <Input {...p} name="email" type="email" autoComplete="username" required />}
        </Field>
        <Field id="password" label="Password">
          {(p) => <Input {...p} name="password" type="password" autoComplete="current-password" required />}
        </Field>
        {alert}
        <Button type="submit" variant="primary" disabled={pending} className="w-full">
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
    );
  }

  return (
    <section aria-labelledby="second-factor-heading" className="mt-6 space-y-4">
      <h2 id="second-factor-heading" className="text-lg font-semibold">
        Two-factor authentication
      </h2>
      {mode === 'passkey' ? (
        <>
          <p className="text-sm">Use one of the passkeys registered to your account: your device will ask you to confirm.</p>
          {alert}
          <Button variant="primary" onClick={onPasskey} disabled={pending} className="w-full">
            {pending ? 'Waiting for your passkey…' : 'Use a passkey'}
          </Button>
        </>
      ) : (
        <form key={mode} onSubmit={onCode} className="space-y-4">
          <p className="text-sm">
            {mode === 'totp' ? 'Enter the 6-digit code your authenticator app shows for this site.' : 'Enter one of the recovery codes you saved when you set up two-factor. Each works once.'}
          </p>
          <Field id="code" label={mode === 'totp' ? 'Authentication code' : 'Recovery code'}>
            {(p) => (
              <Input {...p} ref={codeRef} name="code" required autoFocus autoComplete={mode === 'totp' ? 'one-time-code' : 'off'} inputMode={mode === 'totp' ? 'numeric' : 'text'} spellCheck={false} />
            )}
          </Field>
          {alert}
          <Button type="submit" variant="primary" disabled={pending} className="w-full">
            {pending ? 'Verifying…' : 'Verify'}
          </Button>
        </form>
      )}
      <ul className="space-y-2">
        {mode !== 'totp' && methods.totp ? (
          <li>
            <button type="button" className={linkButton} disabled={pending} onClick={() => (setMode('totp'), setError(null))}>
              Use your authenticator app
            </button>
          </li>
        ) : null}
        {mode !== 'passkey' && methods.passkey ? (
          <li>
            <button type="button" className={linkButton} disabled={pending} onClick={() => (setMode('passkey'), setError(null), void onPasskey())}>
              Use a passkey
            </button>
          </li>
        ) : null}
        {mode !== 'recovery' && methods.recovery ? (
          <li>
            <button type="button" className={linkButton} disabled={pending} onClick={() => (setMode('recovery'), setError(null))}>
              Use a recovery code
            </button>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
