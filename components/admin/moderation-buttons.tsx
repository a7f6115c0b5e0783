'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
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

/**
 * A comment's moderation buttons. The outcome is a toast, not a line under the comment: an
 * approved comment leaves the queue in the same refresh that delivers the result.
 */
export function ModerationButtons({
  commentId,
  version,
  status,
  action,
  reported = false,
  dismissAction,
}: {
  commentId: string;
  /** The comment's version as the queue showed it: another moderator's action in between is reported, not overridden. */
  version?: number;
  status: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  /** The comment has open reader reports: offer "Dismiss reports". */
  reported?: boolean;
  dismissAction?: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const toast = useToast();
  const [, formAction, pending] = useActionState(
    async (prev: ActionState, form: FormData) => {
      const result = form.get('action') === 'dismiss' && dismissAction ? await dismissAction(prev, form) : await action(prev, form);
      if (result.message) toast(result.message, result.ok ? 'success' : 'danger');
      return result;
    },
    { ok: false },
  );
  return (
    <form action={formAction} className="mt-3 flex flex-wrap items-center gap-2">
      <input type="hidden" name="commentId" value={commentId} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {(BUTTONS[status] ?? []).map((a) => (
        <Button key={a.action} type="submit" name="action" value={a.action} disabled={pending} size="sm" variant={a.action === 'approve' ? 'primary' : a.action === 'delete' ? 'danger' : 'secondary'}>
          {a.label}
        </Button>
      ))}
      {reported && dismissAction ? (
        <Button type="submit" name="action" value="dismiss" disabled={pending} size="sm">
          Dismiss reports
        </Button>
      ) : null}
    </form>
  );
}
