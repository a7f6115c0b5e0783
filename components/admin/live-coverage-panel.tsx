import { ActionButton } from '@/components/admin/action-button';
import { LiveUpdateComposer } from '@/components/admin/live-update-composer';
import { Badge } from '@/components/ui/badge';
import { Panel } from '@/components/ui/card';
import type { ActionState } from '@/lib/actions';
import type { EditorLiveUpdate, LiveCoverage } from '@/lib/live-coverage';
import { formatDateTime } from '@/lib/site';

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
export type LiveCoverageActions = { setCoverage: Action; post: Action; edit: Action; remove: Action };

/** "Live coverage" panel of the article editor: start and end it, post updates, edit or delete them. */
export function LiveCoveragePanel({ articleId, coverage, updates, actions }: { articleId: string; coverage: LiveCoverage; updates: EditorLiveUpdate[]; actions: LiveCoverageActions }) {
  return (
    <Panel
      id="live-panel"
      title="Live coverage"
      description="Turn the article into live coverage: updates appear at once on readers' open pages, newest first, pinned ones on top."
      actions={
        coverage.open ? (
          <ActionButton
            action={actions.setCoverage}
            fields={{ articleId, intent: 'end' }}
            label="End live coverage"
            variant="danger"
            confirm="End live coverage? Readers see that it has ended; no more updates can be posted."
          />
        ) : (
          <ActionButton action={actions.setCoverage} fields={{ articleId, intent: 'start' }} label={coverage.endedAt ? 'Reopen live coverage' : 'Start live coverage'} />
        )
      }
    >
      {coverage.endedAt ? <p className="mb-4 text-muted">This live coverage has ended.</p> : null}
      {coverage.open ? <LiveUpdateComposer articleId={articleId} action={actions.post} submitLabel="Post update" /> : null}
      {updates.length ? (
        <ol className="mt-6 space-y-4" aria-label="Posted updates">
          {updates.map((u) => (
            <li key={u.id} className="rounded border border-subtle p-3">
              <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
                <time dateTime={u.createdAt}>{formatDateTime(new Date(u.createdAt))}</time>
                {u.author ? <span>{u.author}</span> : null}
                {u.pinned ? <Badge tone="info">Pinned</Badge> : null}
                {u.keyEvent ? <Badge tone="warning">Key event</Badge> : null}
              </p>
              {u.headline ? <p className="mt-1 font-semibold">{u.headline}</p> : null}
              {/* Rendered and sanitised on the server when saved. */}
              <div className="article-body mt-1" dangerouslySetInnerHTML={{ __html: u.html }} />
              <details className="mt-2">
                <summary className="cursor-pointer text-sm underline">Edit update</summary>
                <div className="mt-3">
                  <LiveUpdateComposer
                    articleId={articleId}
                    action={actions.edit}
                    submitLabel="Save update"
                    initial={{ updateId: u.id, version: u.version, headline: u.headline ?? '', bodyJson: u.bodyJson, keyEvent: u.keyEvent, pinned: u.pinned }}
                  />
                </div>
              </details>
              <div className="mt-2">
                <ActionButton action={actions.remove} fields={{ articleId, updateId: u.id }} label="Delete update" variant="danger" confirm="Delete this update? Readers' pages drop it at once." />
              </div>
            </li>
          ))}
        </ol>
      ) : null}
    </Panel>
  );
}
