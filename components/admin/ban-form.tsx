'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/actions';

const DURATIONS = [
  { value: '1', label: '1 day' },
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: 'permanent', label: 'Permanently' },
];

const field = 'rounded border border-black/20 bg-transparent px-2 py-1 text-sm dark:border-white/30';

/** "Ban commenter" under a comment in the moderation queue (admins only). */
export function BanFromCommentForm({ commentId, hasIp, action }: { commentId: string; hasIp: boolean; action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-semibold">Ban commenter</summary>
      <form action={formAction} className="mt-2 flex flex-wrap items-end gap-3" aria-label="Ban commenter">
        <input type="hidden" name="commentId" value={commentId} />
        <label className="flex items-center gap-1">
          <input type="checkbox" name="banEmail" defaultChecked /> Email address
        </label>
        {hasIp ? (
          <label className="flex items-center gap-1">
            <input type="checkbox" name="banIp" /> IP address
          </label>
        ) : null}
        <BanTermsFields />
        <button type="submit" disabled={pending} className="rounded bg-red-700 px-3 py-1 font-semibold text-white disabled:opacity-60">
          Ban
        </button>
        <BanResult state={state} />
      </form>
    </details>
  );
}

/** "Ban an email or IP address" on the bans page. */
export function BanValueForm({ action }: { action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="mt-3 flex flex-wrap items-end gap-3 text-sm" aria-label="Ban an email or IP address">
      <label className="flex flex-col">
        Kind
        <select name="kind" defaultValue="EMAIL" className={field}>
          <option value="EMAIL">Email address</option>
          <option value="IP">IP address</option>
        </select>
      </label>
      <label className="flex flex-col">
        Email or IP
        <input name="value" required maxLength={254} defaultValue={state.ok ? '' : state.values?.value} className={field} />
      </label>
      <BanTermsFields />
      <button type="submit" disabled={pending} className="rounded bg-red-700 px-3 py-1 font-semibold text-white disabled:opacity-60">
        Add ban
      </button>
      <BanResult state={state} />
    </form>
  );
}

/** "Lift" beside a ban. */
export function LiftBanButton({ banId, action }: { banId: string; action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="banId" value={banId} />
      <button type="submit" disabled={pending} className="rounded border border-black/20 px-2 py-0.5 text-sm font-semibold dark:border-white/30">
        Lift
      </button>
      {state.message && !state.ok ? <span className="ml-2 text-red-800">{state.message}</span> : null}
    </form>
  );
}

/** Duration and reason: the terms shared by both ban forms. */
function BanTermsFields() {
  return (
    <>
      <label className="flex flex-col">
        Duration
        <select name="days" defaultValue="permanent" className={field}>
          {DURATIONS.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        Reason
        <input name="reason" maxLength={500} className={field} />
      </label>
    </>
  );
}

function BanResult({ state }: { state: ActionState }) {
  return state.message ? (
    <p role="status" className={state.ok ? 'w-full text-green-800 dark:text-green-300' : 'w-full text-red-800 dark:text-red-300'}>
      {state.message} {state.fieldErrors ? Object.values(state.fieldErrors).flat().join(' ') : null}
    </p>
  ) : null;
}
