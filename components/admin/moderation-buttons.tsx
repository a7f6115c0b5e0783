'use client';

import { createContext, useActionState, useContext, useState, type ReactNode } from 'react';
import type { ActionState } from '@/lib/actions';

const ACTIONS = [
  { action: 'approve', label: 'Approve', hide: 'APPROVED' },
  { action: 'spam', label: 'Mark as spam', hide: 'SPAM' },
  { action: 'trash', label: 'Trash', hide: 'TRASH' },
] as const;

type Status = { ok: boolean; message: string } | null;
const StatusContext = createContext<(s: Status) => void>(() => {});

/**
 * Holds the outcome of the last moderation action above the list, so the message
 * survives the moderated comment leaving the queue when the page refreshes.
 */
export function ModerationStatus({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>(null);
  return (
    <StatusContext.Provider value={setStatus}>
      <div aria-live="polite" className="min-h-8">
        {status ? (
          <p role="status" className={status.ok ? 'mt-3 rounded bg-green-50 p-2 text-sm text-green-900' : 'mt-3 rounded bg-red-50 p-2 text-sm text-red-900'}>
            {status.message}
          </p>
        ) : null}
      </div>
      {children}
    </StatusContext.Provider>
  );
}

export function ModerationButtons({
  commentId,
  status,
  action,
}: {
  commentId: string;
  status: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const report = useContext(StatusContext);
  // Report from the action itself: an approved comment leaves the queue in the same
  // render that delivers the result, so this component may never see its own state.
  const [, formAction, pending] = useActionState(async (prev: ActionState, form: FormData) => {
    const result = await action(prev, form);
    if (result.message) report({ ok: result.ok, message: result.message });
    return result;
  }, { ok: false });
  return (
    <form action={formAction} className="mt-3 flex flex-wrap items-center gap-2">
      <input type="hidden" name="commentId" value={commentId} />
      {ACTIONS.filter((a) => a.hide !== status).map((a) => (
        <button
          key={a.action}
          type="submit"
          name="action"
          value={a.action}
          disabled={pending}
          className="rounded border border-black/20 px-3 py-1 text-sm font-semibold hover:bg-black/5 disabled:opacity-60 dark:border-white/30"
        >
          {a.label}
        </button>
      ))}
    </form>
  );
}
