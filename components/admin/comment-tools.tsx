'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import type { ActionState } from '@/lib/actions';

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

function Message({ state }: { state: ActionState }) {
  if (!state.message) return null;
  const details = state.fieldErrors ? Object.values(state.fieldErrors).flat().join(' ') : '';
  return (
    <p role="status" className={state.ok ? 'text-sm text-success' : 'text-sm text-danger'}>
      {state.message} {details}
    </p>
  );
}

/**
 * "Edit" under a comment in the queue: text, name and website, with the reader form's rules.
 * The form mounts only when opened, so the queue does not hold every comment's text twice.
 */
export function EditCommentForm({ comment, action }: { comment: { id: string; body: string; authorName: string; authorUrl: string | null; version?: number }; action: Action }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="mt-3 text-sm">
      <Button variant="ghost" size="sm" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {open ? 'Close editor' : 'Edit'}
      </Button>
      {open ? <EditFields comment={comment} action={action} /> : null}
    </div>
  );
}

function EditFields({ comment, action }: { comment: { id: string; body: string; authorName: string; authorUrl: string | null; version?: number }; action: Action }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const v = state.ok ? undefined : state.values;
  const id = `edit-${comment.id}`;
  return (
    <form action={formAction} aria-label={`Edit comment by ${comment.authorName}`} className="mt-2 space-y-3">
      <input type="hidden" name="commentId" value={comment.id} />
      {comment.version !== undefined ? <input type="hidden" name="version" value={comment.version} /> : null}
      <Field id={`${id}-body`} label="Comment text">
        {(p) => <Textarea {...p} name="body" rows={4} defaultValue={v?.body ?? comment.body} />}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${id}-name`} label="Name">
          {(p) => <Input {...p} name="name" defaultValue={v?.name ?? comment.authorName} />}
        </Field>
        <Field id={`${id}-website`} label="Website">
          {(p) => <Input {...p} name="website" defaultValue={v?.website ?? comment.authorUrl ?? ''} />}
        </Field>
      </div>
      <Button type="submit" variant="primary" size="sm" disabled={pending}>
        Save changes
      </Button>
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
      <form action={formAction} aria-label={`Staff reply to ${authorName}`} className="mt-2 space-y-3">
        <input type="hidden" name="parentId" value={parentId} />
        <Field id={`reply-${parentId}`} label="Your reply">
          {(p) => <Textarea {...p} name="body" rows={3} key={state.ok ? state.message : 'draft'} defaultValue={state.ok ? '' : state.values?.body} />}
        </Field>
        <Button type="submit" variant="primary" size="sm" disabled={pending}>
          Publish reply
        </Button>
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
  const toast = useToast();
  const [choice, setChoice] = useState<string>('approve');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  async function apply() {
    const ids = [...document.querySelectorAll<HTMLInputElement>('input[data-bulk-id]:checked')].map((el) => el.dataset.bulkId!);
    if (!ids.length) return toast('Select at least one comment.', 'danger');
    setProgress({ done: 0, total: ids.length });
    let done = 0;
    for (let i = 0; i < ids.length; i += BATCH) {
      const result = await action(ids.slice(i, i + BATCH), choice);
      if (!result.ok) {
        toast(`${result.message ?? 'Something went wrong.'} (${done} of ${ids.length} done)`, 'danger');
        setProgress(null);
        router.refresh();
        return;
      }
      done += result.data?.done ?? 0;
      setProgress({ done, total: ids.length });
    }
    const label = BULK_ACTIONS.find((a) => a.value === choice)!.label.toLowerCase();
    toast(`Bulk action done: ${label}, ${done} of ${ids.length} comment${ids.length === 1 ? '' : 's'}.`);
    setProgress(null);
    router.refresh();
  }

  return (
    <div className="mt-4 flex flex-wrap items-end gap-3 rounded-lg border border-subtle bg-surface p-3 text-sm" role="group" aria-label="Bulk moderation">
      <Field id="bulk-action" label="Bulk action">
        {(p) => <Select {...p} compact fit value={choice} onChange={(e) => setChoice(e.target.value)} options={[...BULK_ACTIONS]} />}
      </Field>
      <Button variant="primary" size="sm" onClick={apply} disabled={!!progress}>
        Apply to selected
      </Button>
      <Button variant="ghost" size="sm" onClick={() => document.querySelectorAll<HTMLInputElement>('input[data-bulk-id]').forEach((el) => (el.checked = true))}>
        Select all on this page
      </Button>
      {progress ? (
        <span role="progressbar" aria-label="Bulk progress" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done} className="self-center font-semibold">
          {progress.done} of {progress.total} done…
        </span>
      ) : null}
    </div>
  );
}
