'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/actions';

const ACTIONS = [
  { action: 'approve', label: 'Approve', hide: 'APPROVED' },
  { action: 'spam', label: 'Mark as spam', hide: 'SPAM' },
  { action: 'trash', label: 'Trash', hide: 'TRASH' },
] as const;

export function ModerationButtons({
  commentId,
  status,
  action,
}: {
  commentId: string;
  status: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
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
      {state.message ? (
        <p role="status" className={state.ok ? 'text-sm text-green-800' : 'text-sm text-red-800'}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
