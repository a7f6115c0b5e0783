'use client';

import { useState } from 'react';
import type { ActionState } from '@/lib/actions';
import { CommentForm } from './comment-form';

/** The "Reply" button under a comment; opens a reply form for that comment in place. */
export function ReplyToggle({
  articleId,
  parentId,
  authorName,
  action,
}: {
  articleId: string;
  parentId: string;
  authorName: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const [open, setOpen] = useState(false);
  return (
    <div className="mt-1">
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-label={open ? `Cancel reply to ${authorName}` : `Reply to ${authorName}`}
        className="text-sm font-semibold text-accent hover:underline"
      >
        {open ? 'Cancel reply' : 'Reply'}
      </button>
      {open ? <CommentForm articleId={articleId} parentId={parentId} action={action} heading={`Reply to ${authorName}`} idPrefix={`reply-${parentId}`} /> : null}
    </div>
  );
}
