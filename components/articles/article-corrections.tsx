import type { PublicCorrection } from '@/lib/corrections';
import { formatDateTime } from '@/lib/site';

/** The labelled block of corrections, clarifications and updates under an article, oldest first. */
export function ArticleCorrections({ notes }: { notes: PublicCorrection[] }) {
  if (!notes.length) return null;
  return (
    <section aria-labelledby="corrections-heading" className="mt-10 rounded border border-subtle bg-surface-muted p-4">
      <h2 id="corrections-heading" className="text-lg font-bold">
        Corrections and updates
      </h2>
      <ul className="mt-3 space-y-3">
        {notes.map((n) => (
          <li key={n.id} data-withdrawn={n.withdrawnAt ? 'true' : undefined}>
            <p className="text-sm">
              <strong>{n.label}</strong>, <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt)}</time>
              {n.withdrawnAt ? (
                <>
                  {' · Withdrawn '}
                  <time dateTime={n.withdrawnAt.toISOString()}>{formatDateTime(n.withdrawnAt)}</time>
                </>
              ) : null}
            </p>
            {n.withdrawnAt ? <p className="text-muted line-through">{n.note}</p> : <p>{n.note}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
