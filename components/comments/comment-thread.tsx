import type { PublicComment } from '@/lib/comments';
import { formatDateTime } from '@/lib/site';

function Thread({ comments, parentId, depth }: { comments: PublicComment[]; parentId: string | null; depth: number }) {
  const level = comments.filter((c) => c.parentId === parentId);
  if (!level.length) return null;
  return (
    <ol className={depth ? 'ml-6 mt-4 space-y-4 border-l border-black/10 pl-4 dark:border-white/15' : 'mt-6 space-y-6'}>
      {level.map((c) => (
        <li key={c.id} id={`comment-${c.id}`}>
          <article aria-label={`Comment by ${c.authorName}`}>
            <p className="text-sm">
              <span className="font-semibold">{c.authorName}</span>
              {c.isStaff ? <span className="ml-2 rounded bg-black/80 px-1.5 py-0.5 text-xs text-white">Staff</span> : null}
              <span className="text-[var(--color-muted)]">
                {' · '}
                <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt)}</time>
              </span>
            </p>
            <p className="mt-1 whitespace-pre-line">{c.body}</p>
          </article>
          <Thread comments={comments} parentId={c.id} depth={depth + 1} />
        </li>
      ))}
    </ol>
  );
}

/** Approved comments with their replies; bodies are plain text, escaped by React. */
export function CommentThread({ comments }: { comments: PublicComment[] }) {
  if (!comments.length) return <p className="mt-4 text-[var(--color-muted)]">No comments yet. Be the first to reply.</p>;
  return <Thread comments={comments} parentId={null} depth={0} />;
}
