'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useState } from 'react';
import type { ActionState } from '@/lib/actions';
import { useModerationStatus } from './moderation-buttons';

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
const field = 'mt-1 w-full rounded border border-black/20 bg-transparent px-2 py-1 text-sm dark:border-white/30';
const button = 'rounded bg-neutral-900 px-3 py-1 text-sm font-semibold text-white disabled:opacity-60 dark:bg-white dark:text-neutral-900';

function Message({ state }: { state: ActionState }) {
  if (!state.message) return null;
  const details = state.fieldErrors ? Object.values(state.fieldErrors).flat().join(' ') : '';
  return (
    <p role="status" className={state.ok ? 'text-sm text-green-800 dark:text-green-300' : 'text-sm text-red-800 dark:text-red-300'}>
      {state.message} {details}
    </p>
  );
}

/**
 * "Edit" under a comment in the queue: text, name and website, with the reader form's rules.
 * The form mounts only when opened, so the queue does not hold every comment's text twice.
 */
export function EditCommentForm({ comment, action }: { comment: { id: string; body: string; authorName: string; authorUrl: string | null }; action: Action }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="mt-3 text-sm">
      <button type="button" onClick={() => setOpen((o) => !o)} aria-expanded={open} className="font-semibold">
        {open ? 'Close editor' : 'Edit'}
      </button>
      {open ? <EditFields comment={comment} action={action} /> : null}
    </div>
  );
}

function EditFields({ comment, action }: { comment: { id: string; body: string; authorName: string; authorUrl: string | null }; action: Action }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const v = state.ok ? undefined : state.values;
  return (
    <form action={formAction} aria-label={`Edit comment by ${comment.authorName}`} className="mt-2 space-y-2">
      <input type="hidden" name="commentId" value={comment.id} />
      <label className="block">
        Comment text
        <textarea name="body" rows={4} defaultValue={v?.body ?? comment.body} className={field} />
      </label>
      <div className="grid gap-2 sm:grid-cols-2">
        <label className="block">
          Name
          <input name="name" defaultValue={v?.name ?? comment.authorName} className={field} />
        </label>
        <label className="block">
          Website
          <input name="website" defaultValue={v?.website ?? comment.authorUrl ?? ''} className={field} />
        </label>
      </div>
      <button type="submit" disabled={pending} className={button}>
        Save changes
      </button>
      <Message state={state} />
    </form>
  );
}

/** "Reply as staff" under an approved comment: published at once. */
export function StaffReplyForm({ parentId, authorName, action }: { parentId: string; authorName: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-semibold">Reply as staff</summary>
      <form action={formAction} aria-label={`Staff reply to ${authorName}`} className="mt-2 space-y-2">
        <input type="hidden" name="parentId" value={parentId} />
        <label className="block">
          Your reply
          <textarea name="body" rows={3} key={state.ok ? state.message : 'draft'} defaultValue={state.ok ? '' : state.values?.body} className={field} />
        </label>
        <button type="submit" disabled={pending} className={button}>
          Publish reply
        </button>
        <Message state={state} />
      </form>
    </details>
  );
}

const BULK_ACTIONS = [
  { value: 'approve', label: 'Approve' },
  { value: 'unapprove', label: 'Unapprove' },
  { value: 'spam', label: 'Mark as spam' },
  { value: 'trash', label: 'Move to trash' },
  { value: 'delete', label: 'Delete forever' },
] as const;

const BATCH = 5;

/**
 * Bulk actions over the ticked comments, sent in small batches so the moderator sees progress
 * and a long run cannot time out; the list refreshes at the end.
 */
export function BulkModeration({ action }: { action: (ids: string[], action: string) => Promise<ActionState<{ done: number }>> }) {
  const router = useRouter();
  const report = useModerationStatus();
  const [choice, setChoice] = useState<string>('approve');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  async function apply() {
    const ids = [...document.querySelectorAll<HTMLInputElement>('input[data-bulk-id]:checked')].map((el) => el.dataset.bulkId!);
    if (!ids.length) return report({ ok: false, message: 'Select at least one comment.' });
    setProgress({ done: 0, total: ids.length });
    let done = 0;
    for (let i = 0; i < ids.length; i += BATCH) {
      const result = await action(ids.slice(i, i + BATCH), choice);
      if (!result.ok) {
        report({ ok: false, message: `${result.message ?? 'Something went wrong.'} (${done} of ${ids.length} done)` });
        setProgress(null);
        router.refresh();
        return;
      }
      done += result.data?.done ?? 0;
      setProgress({ done, total: ids.length });
    }
    const label = BULK_ACTIONS.find((a) => a.value === choice)!.label.toLowerCase();
    report({ ok: true, message: `Bulk action done: ${label}, ${done} of ${ids.length} comment${ids.length === 1 ? '' : 's'}.` });
    setProgress(null);
    router.refresh();
  }

  return (
    <div className="mt-4 flex flex-wrap items-center gap-2 text-sm" role="group" aria-label="Bulk moderation">
      <label htmlFor="bulk-action" className="font-semibold">
        Bulk action
      </label>
      <select id="bulk-action" value={choice} onChange={(e) => setChoice(e.target.value)} className="rounded border border-black/20 bg-transparent px-2 py-1 dark:border-white/30">
        {BULK_ACTIONS.map((a) => (
          <option key={a.value} value={a.value}>
            {a.label}
          </option>
        ))}
      </select>
      <button type="button" onClick={apply} disabled={!!progress} className={button}>
        Apply to selected
      </button>
      <button
        type="button"
        onClick={() => document.querySelectorAll<HTMLInputElement>('input[data-bulk-id]').forEach((el) => (el.checked = true))}
        className="underline"
      >
        Select all on this page
      </button>
      {progress ? (
        <span role="progressbar" aria-label="Bulk progress" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done} className="font-semibold">
          {progress.done} of {progress.total} done…
        </span>
      ) : null}
    </div>
  );
}
