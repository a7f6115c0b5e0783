import Link from 'next/link';
import { ActionButton } from '@/components/admin/action-button';
import { ActionForm } from '@/components/admin/action-form';
import { Badge } from '@/components/ui/badge';
import { Panel } from '@/components/ui/card';
import type { ActionState } from '@/lib/actions';
import type { EditorCorrection } from '@/lib/corrections';
import { formatDateTime } from '@/lib/site';
import { CORRECTION_KIND_OPTIONS } from '@/lib/validation/corrections';

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** "Corrections" panel of the article editor: notes readers see under the article, dated on adding. */
export function ArticleCorrectionsPanel({
  articleId,
  notes,
  published,
  addAction,
  withdrawAction,
}: {
  articleId: string;
  notes: EditorCorrection[];
  published: boolean;
  addAction: Action;
  withdrawAction: Action;
}) {
  return (
    <Panel
      id="corrections-panel"
      title="Corrections"
      description="Corrections, clarifications and updates are shown to readers under the article, with their date. A note cannot be deleted: withdrawing it keeps it on the record, marked withdrawn."
    >
      {notes.length ? (
        <ol className="mb-6 space-y-3" aria-label="Notes on this article">
          {notes.map((n) => (
            <li key={n.id} className="rounded border border-subtle p-3">
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <strong>{n.label}</strong>
                <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt)}</time>
                {n.withdrawnAt ? <Badge>Withdrawn {formatDateTime(n.withdrawnAt)}</Badge> : null}
              </p>
              <p className="mt-1">{n.note}</p>
              <p className="mt-2 flex flex-wrap items-center gap-3 text-sm">
                {n.diffHref ? (
                  <Link href={n.diffHref} className="underline">
                    Changes in version {n.version}
                  </Link>
                ) : (
                  <span className="text-muted">Version {n.version} (no earlier version to compare)</span>
                )}
                {n.withdrawnAt ? null : (
                  <ActionButton
                    action={withdrawAction}
                    fields={{ articleId, correctionId: n.id }}
                    label={`Withdraw ${n.label.toLowerCase()} of ${formatDateTime(n.createdAt)}`}
                    confirm="Withdraw this note? It stays on the article, marked withdrawn."
                  />
                )}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      {published ? (
        <ActionForm
          label="Add a note"
          action={addAction}
          submitLabel="Add note"
          pendingLabel="Adding…"
          fields={[
            { kind: 'hidden', name: 'articleId', value: articleId },
            { kind: 'select', name: 'kind', label: 'Type', defaultValue: 'CORRECTION', options: CORRECTION_KIND_OPTIONS },
            { kind: 'textarea', name: 'note', label: 'Note', hint: 'Say what was wrong and what is right now. The date is added for you.' },
          ]}
        />
      ) : (
        <p className="text-muted">Notes can be added once the article is published.</p>
      )}
    </Panel>
  );
}
