'use client';

import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import Link from 'next/link';
import { useActionState, useCallback, useState } from 'react';
import { ActionForm } from '@/components/admin/action-form';
import { PasskeyAdd } from '@/components/auth/passkey-add';
import { RecoveryCodes } from '@/components/auth/recovery-codes';
import { TotpSetup, type TotpSetupData } from '@/components/auth/totp-setup';
import type { ActionState } from '@/lib/actions';
import { buttonClass } from '@/components/ui/button';
import { ActionMessage } from '@/components/ui/alert';

type Codes = ActionState<{ recoveryCodes: string[] | null }>;

export type TwoFactorPanelProps = {
  status: {
    totpEnabled: boolean;
    passkeys: { id: string; name: string; createdAt: string; lastUsedAt: string | null }[];
    recoveryCodesLeft: number;
    required: boolean;
  };
  pendingSetup: TotpSetupData | null;
  /** On /login/enrol only what sets two-factor up is offered (the rest needs a full session). */
  enrolOnly?: boolean;
  actions: {
    beginTotp: () => Promise<ActionState<TotpSetupData>>;
    confirmTotp: (prev: Codes, form: FormData) => Promise<Codes>;
    removeTotp: (prev: ActionState, form: FormData) => Promise<ActionState>;
    regenerateCodes: (prev: Codes, form: FormData) => Promise<Codes>;
    passkeyOptions: () => Promise<ActionState<{ options: PublicKeyCredentialCreationOptionsJSON }>>;
    registerPasskey: (input: { name: string; response: unknown }) => Promise<Codes>;
    removePasskey: (prev: ActionState, form: FormData) => Promise<ActionState>;
  };
};

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });
const button = buttonClass({ size: 'sm' });

/** The user's second factors: authenticator app, passkeys and recovery codes (new codes are shown here once). */
export function TwoFactorPanel({ status, pendingSetup, enrolOnly = false, actions }: TwoFactorPanelProps) {
  const [codes, setCodes] = useState<string[] | null>(null);
  // Outcomes are announced here: the form that caused one may be gone once the page refreshes.
  const [notice, setNotice] = useState<{ ok: boolean; message: string } | null>(null);
  const showCodes = useCallback((c: string[]) => setCodes(c), []);
  const totpConfirmed = useCallback((message: string, c: string[] | null) => {
    setNotice({ ok: true, message });
    if (c) setCodes(c);
  }, []);
  const [, removePasskey] = useActionState(
    async (prev: ActionState, form: FormData) => {
      const result = await actions.removePasskey(prev, form);
      setNotice(result.message ? { ok: result.ok, message: result.message } : null);
      return result;
    },
    { ok: false },
  );
  const [regenerated, regenerate, regenerating] = useActionState(
    async (prev: Codes, form: FormData) => {
      const result = await actions.regenerateCodes(prev, form);
      if (result.ok && result.data?.recoveryCodes) setCodes(result.data.recoveryCodes);
      return result;
    },
    { ok: false },
  );
  const anyFactor = status.totpEnabled || status.passkeys.length > 0;

  return (
    <div className="space-y-6">
      <p className="text-sm">
        {anyFactor ? 'Two-factor authentication is on: after your password you are asked for a code from your app or a passkey.' : 'Two-factor authentication is off.'}
        {status.required ? ' The site requires it for your role.' : ''}
      </p>
      <ActionMessage state={notice ?? { ok: true }} />
      {codes ? <RecoveryCodes codes={codes} /> : null}
      {enrolOnly && (anyFactor || codes) ? (
        <p>
          <Link href="/admin" className={buttonClass({ variant: 'primary' })}>
            Continue to the dashboard
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="totp-heading" className="space-y-3">
        <h3 id="totp-heading" className="font-semibold">
          Authenticator app
        </h3>
        {status.totpEnabled ? (
          <>
            <p className="text-sm">On.</p>
            {enrolOnly ? null : (
              <ActionForm
                label="Remove authenticator app"
                action={actions.removeTotp}
                submitLabel="Remove authenticator app"
                pendingLabel="Removing…"
                fields={[{ kind: 'password', name: 'password', label: 'Your password', autoComplete: 'current-password', hint: 'To remove the app, confirm it is you.' }]}
              />
            )}
          </>
        ) : (
          <TotpSetup begin={actions.beginTotp} confirm={actions.confirmTotp} initial={pendingSetup} onConfirmed={totpConfirmed} />
        )}
      </section>

      <section aria-labelledby="passkeys-heading" className="space-y-3">
        <h3 id="passkeys-heading" className="font-semibold">
          Passkeys
        </h3>
        {status.passkeys.length ? (
          <ul className="divide-y divide-subtle">
            {status.passkeys.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>
                  <span className="font-semibold">{p.name}</span> · added {dateFormat.format(new Date(p.createdAt))}
                  {p.lastUsedAt ? ` · last used ${dateFormat.format(new Date(p.lastUsedAt))}` : ' · not used yet'}
                </span>
                {enrolOnly ? null : (
                  <form action={removePasskey} aria-label={`Remove passkey ${p.name}`}>
                    <input type="hidden" name="passkeyId" value={p.id} />
                    <button type="submit" className={button}>
                      Remove {p.name}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">No passkeys yet. A passkey lives on your phone, laptop or security key and confirms it is you with a touch or your screen lock.</p>
        )}
        <PasskeyAdd getOptions={actions.passkeyOptions} register={actions.registerPasskey} onRecoveryCodes={showCodes} />
      </section>

      {anyFactor && !enrolOnly ? (
        <section aria-labelledby="recovery-heading" className="space-y-3">
          <h3 id="recovery-heading" className="font-semibold">
            Recovery codes
          </h3>
          <p className="text-sm">{status.recoveryCodesLeft === 1 ? '1 recovery code left.' : `${status.recoveryCodesLeft} recovery codes left.`} Making new ones stops the old ones working.</p>
          <form action={regenerate}>
            <button type="submit" disabled={regenerating} className={button}>
              {regenerating ? 'Making codes…' : 'Make new recovery codes'}
            </button>
          </form>
          {!regenerated.ok && regenerated.message ? (
            <p role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger">
              {regenerated.message}
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
