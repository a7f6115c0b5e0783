'use client';

import { useActionState, useState } from 'react';
import type { ActionState } from '@/lib/actions';

/** "Report" under a comment: a reason, sent to the moderators' Reported tab. */
export function ReportToggle({ commentId, authorName, action }: { commentId: string; authorName: string; action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(action, { ok: false });
  if (state.ok)
    return (
      <p role="status" className="mt-1 text-sm text-success">
        {state.message}
      </p>
    );
  const error = state.fieldErrors?.reason?.[0] ?? (state.ok ? undefined : state.message);
  const id = `report-${commentId}`;
  return (
    <div className="mt-1">
      <button type="button" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-label={`Report comment by ${authorName}`} className="text-sm text-muted hover:underline">
        {open ? 'Cancel report' : 'Report'}
      </button>
      {open ? (
        <form action={formAction} className="mt-2 space-y-2" aria-label={`Report comment by ${authorName}`}>
          <input type="hidden" name="commentId" value={commentId} />
          <label htmlFor={id} className="block text-sm font-semibold">
            Why should a moderator look at this comment?
          </label>
          <textarea
            id={id}
            name="reason"
            rows={2}
            maxLength={500}
            defaultValue={state.values?.reason}
            aria-invalid={!!error}
            className="w-full rounded border border-strong bg-surface px-2 py-1 text-sm aria-[invalid=true]:border-danger"
          />
          {error ? <p className="text-sm font-medium text-danger">{error}</p> : null}
          <button type="submit" disabled={pending} className="rounded border border-strong px-3 py-1 text-sm font-semibold disabled:opacity-60">
            Send report
          </button>
        </form>
      ) : null}
    </div>
  );
}
