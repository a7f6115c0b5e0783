'use client';

import { useActionState, useState } from 'react';
import type { ActionState } from '@/lib/actions';

type CreatedKeyState = ActionState<{ label: string; key: string }>;

/** The "Create key" form, and the new key shown once after it succeeds. */
export function CreateApiKeyForm({ action }: { action: (prev: CreatedKeyState, form: FormData) => Promise<CreatedKeyState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const [copied, setCopied] = useState<string | null>(null);
  const labelError = state.fieldErrors?.label?.[0];
  const created = state.ok ? state.data : undefined;
  return (
    <div className="mt-6 space-y-4">
      <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
        <div>
          <label htmlFor="api-key-label" className="block text-sm font-semibold">
            Label
          </label>
          <input
            id="api-key-label"
            name="label"
            required
            maxLength={80}
            defaultValue={state.ok ? '' : (state.values?.label ?? '')}
            aria-invalid={labelError ? true : undefined}
            aria-describedby={labelError ? 'api-key-label-error' : 'api-key-label-hint'}
            className="mt-1 w-72 rounded border border-black/30 px-3 py-2 dark:border-white/40 dark:bg-neutral-900"
          />
          <p id="api-key-label-hint" className="mt-1 text-xs text-neutral-700 dark:text-neutral-300">
            Who or what uses the key, e.g. &ldquo;Mobile app&rdquo;.
          </p>
          {labelError ? (
            <p id="api-key-label-error" className="mt-1 text-sm text-red-800 dark:text-red-300">
              {labelError}
            </p>
          ) : null}
        </div>
        <button type="submit" disabled={pending} className="mb-6 rounded bg-neutral-900 px-4 py-2 font-semibold text-white disabled:opacity-60 dark:bg-white dark:text-neutral-900">
          Create key
        </button>
      </form>
      <div aria-live="polite">
        {!state.ok && state.message && !labelError ? (
          <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-900">
            {state.message}
          </p>
        ) : null}
        {created ? (
          <div role="status" className="rounded border border-amber-400 bg-amber-50 p-4 text-amber-950">
            <p className="font-semibold">
              New key for &ldquo;{created.label}&rdquo;: copy it now, it will not be shown again.
            </p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <label htmlFor="new-api-key" className="text-sm font-semibold">
                New key
              </label>
              <input id="new-api-key" readOnly value={created.key} onFocus={(e) => e.currentTarget.select()} className="w-[28rem] max-w-full rounded border border-black/30 bg-white px-2 py-1 font-mono text-sm" />
              <button
                type="button"
                onClick={() => navigator.clipboard?.writeText(created.key).then(() => setCopied(created.key), () => setCopied(null))}
                className="rounded border border-black/30 px-3 py-1 text-sm font-semibold"
              >
                {copied === created.key ? 'Copied' : 'Copy'}
              </button>
            </div>
            <p className="mt-2 text-sm">Only a hash of the key is stored. If it is lost, revoke it and create another.</p>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** The "Revoke" button of one active key. */
export function RevokeApiKeyButton({ id, action }: { id: string; action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="rounded border border-red-700 px-3 py-1 text-sm font-semibold text-red-800 hover:bg-red-50 disabled:opacity-60 dark:border-red-400 dark:text-red-300">
        Revoke
      </button>
      {!state.ok && state.message ? (
        <p role="alert" className="mt-1 text-sm text-red-800 dark:text-red-300">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
