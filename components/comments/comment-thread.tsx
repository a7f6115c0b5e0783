import type { PublicComment } from '@/lib/comments';
import { formatDateTime } from '@/lib/site';
import { CommentBody } from './comment-body';

type ReplyProps = {
  /** How deep replies may nest (1: no replies). */
  maxDepth: number;
  /** Comments are open: otherwise no Reply buttons. */
  open: boolean;
};

/** "Reply" and "Report" under a comment: buttons the browser brings to life (components/islands/comments.ts). */
function CommentActions({ comment, canReply }: { comment: PublicComment; canReply: boolean }) {
  return (
    <div data-comment-actions data-comment-id={comment.id} data-author-name={comment.authorName}>
      {canReply ? (
        <div className="mt-1">
          <button type="button" data-action="reply" aria-expanded="false" aria-label={`Reply to ${comment.authorName}`} className="text-sm font-semibold text-accent hover:underline">
            Reply
          </button>
        </div>
      ) : null}
      {comment.isStaff ? null : (
        <div className="mt-1">
          <button type="button" data-action="report" aria-expanded="false" aria-label={`Report comment by ${comment.authorName}`} className="text-sm text-muted hover:underline">
            Report
          </button>
        </div>
      )}
    </div>
  );
}

function Thread({ comments, parentId, depth, reply }: { comments: PublicComment[]; parentId: string | null; depth: number; reply: ReplyProps }) {
  const level = comments.filter((c) => c.parentId === parentId);
  if (!level.length) return null;
  return (
    <ol className={depth ? 'ml-6 mt-4 space-y-4 border-l border-subtle pl-4' : 'mt-6 space-y-6'}>
      {level.map((c) => (
        <li key={c.id} id={`comment-${c.id}`}>
          <article aria-label={`Comment by ${c.authorName}`}>
            <p className="text-sm">
              <span className="font-semibold">{c.authorName}</span>
              {c.isStaff ? <span className="ml-2 rounded bg-primary px-1.5 py-0.5 text-xs text-on-primary">Staff</span> : null}
              <span className="text-muted">
                {' · '}
                <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt)}</time>
              </span>
            </p>
            <CommentBody text={c.body} />
            <CommentActions comment={c} canReply={reply.open && depth + 1 < reply.maxDepth} />
          </article>
          <Thread comments={comments} parentId={c.id} depth={depth + 1} reply={reply} />
        </li>
      ))}
    </ol>
  );
}

/** Approved comments with their replies; bodies are plain text, escaped by React, with http(s) links. */
export function CommentThread({ comments, ...reply }: { comments: PublicComment[] } & ReplyProps) {
  if (!comments.length) return <p className="mt-4 text-muted">No comments yet. Be the first to reply.</p>;
  return <Thread comments={comments} parentId={null} depth={0} reply={reply} />;
}
