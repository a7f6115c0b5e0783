'use client';

import { createContext, useActionState, useContext, useState, type ReactNode } from 'react';
import type { ActionState } from '@/lib/actions';

type Action = 'approve' | 'unapprove' | 'spam' | 'trash' | 'delete';

/** The buttons a comment in each status offers: "unapprove" returns it to Pending under a fitting name. */
const BUTTONS: Record<string, { action: Action; label: string }[]> = {
  PENDING: [
    { action: 'approve', label: 'Approve' },
    { action: 'spam', label: 'Mark as spam' },
    { action: 'trash', label: 'Trash' },
  ],
  APPROVED: [
    { action: 'unapprove', label: 'Unapprove' },
    { action: 'spam', label: 'Mark as spam' },
    { action: 'trash', label: 'Trash' },
  ],
  SPAM: [
    { action: 'approve', label: 'Approve' },
    { action: 'unapprove', label: 'Not spam' },
    { action: 'trash', label: 'Trash' },
    { action: 'delete', label: 'Delete forever' },
  ],
  TRASH: [
    { action: 'unapprove', label: 'Restore' },
    { action: 'approve', label: 'Approve' },
    { action: 'delete', label: 'Delete forever' },
  ],
};

type Status = { ok: boolean; message: string } | null;
const StatusContext = createContext<(s: Status) => void>(() => {});

/** Reports the outcome of a moderation action in the status line above the list. */
export const useModerationStatus = () => useContext(StatusContext);

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

const buttonClass = 'rounded border border-black/20 px-3 py-1 text-sm font-semibold hover:bg-black/5 disabled:opacity-60 dark:border-white/30';

export function ModerationButtons({
  commentId,
  status,
  action,
  reported = false,
  dismissAction,
}: {
  commentId: string;
  status: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  /** The comment has open reader reports: offer "Dismiss reports". */
  reported?: boolean;
  dismissAction?: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const report = useContext(StatusContext);
  // Report from the action itself: an approved comment leaves the queue in the same
  // render that delivers the result, so this component may never see its own state.
  const [, formAction, pending] = useActionState(async (prev: ActionState, form: FormData) => {
    const result = form.get('action') === 'dismiss' && dismissAction ? await dismissAction(prev, form) : await action(prev, form);
    if (result.message) report({ ok: result.ok, message: result.message });
    return result;
  }, { ok: false });
  return (
    <form action={formAction} className="mt-3 flex flex-wrap items-center gap-2">
      <input type="hidden" name="commentId" value={commentId} />
      {(BUTTONS[status] ?? []).map((a) => (
        <button key={a.action} type="submit" name="action" value={a.action} disabled={pending} className={buttonClass}>
          {a.label}
        </button>
      ))}
      {reported && dismissAction ? (
        <button type="submit" name="action" value="dismiss" disabled={pending} className={buttonClass}>
          Dismiss reports
        </button>
      ) : null}
    </form>
  );
}
