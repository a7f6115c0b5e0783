import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';

type Update = { id: string; headline: string | null; html: string; keyEvent: boolean; pinned: boolean; createdAt: string; author: string | null };
type Coverage = { startedAt: string | null; endedAt: string | null; open: boolean };

/** One update; `template` renders every part, for the browser to fill in and trim (components/islands/live-updates.ts). */
function UpdateItem({ u, time, template = false }: { u: Update; time: Intl.DateTimeFormat; template?: boolean }) {
  const headlineId = `update-${u.id}-headline`;
  return (
    <li
      id={template ? undefined : `update-${u.id}`}
      data-id={u.id}
      data-created-at={u.createdAt}
      data-pinned={String(u.pinned)}
      data-key-event={String(u.keyEvent)}
      data-headline={u.headline ?? ''}
      className="border-t border-subtle pt-4"
    >
      <article aria-labelledby={u.headline && !template ? headlineId : undefined}>
        <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
          <time data-slot="time" dateTime={template ? undefined : u.createdAt}>
            {template ? null : time.format(new Date(u.createdAt))}
          </time>
          {u.author || template ? <span data-slot="author">{u.author}</span> : null}
          {u.pinned || template ? (
            <span data-slot="pinned">
              <Badge tone="info">Pinned</Badge>
            </span>
          ) : null}
          {u.keyEvent || template ? (
            <span data-slot="key">
              <Badge tone="warning">Key event</Badge>
            </span>
          ) : null}
        </p>
        {u.headline || template ? (
          <h3 id={template ? undefined : headlineId} data-slot="headline" className="mt-1 text-lg font-bold">
            {u.headline}
          </h3>
        ) : null}
        {/* Rendered and sanitised on the server when the update was saved. */}
        <div data-slot="html" className="article-body mt-1" dangerouslySetInnerHTML={{ __html: u.html }} />
      </article>
    </li>
  );
}

/** "Live" beside the heading while the coverage is open (taken away, not hidden, when it ends). */
const LiveBadge = () => (
  <span data-slot="live-badge">
    <Badge tone="danger">Live</Badge>
  </span>
);

const BLANK: Update = { id: '', headline: null, html: '', keyEvent: false, pinned: false, createdAt: '', author: null };

/**
 * A story's live updates as they stood when the page was rendered. The browser keeps them
 * current over the live stream (components/islands/live-updates.ts): new, edited and deleted
 * updates appear without a reload.
 */
export function LiveUpdates({ articleId, initial, timeZone }: { articleId: string; initial: { coverage: Coverage; updates: Update[]; readAt: number }; timeZone: string }) {
  const { coverage, updates } = initial;
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const keyEvents = updates.filter((u) => u.keyEvent);
  return (
    <section aria-labelledby="live-heading" className="mt-8" data-island="live-updates" data-article-id={articleId} data-read-at={initial.readAt} data-time-zone={timeZone}>
      <h2 id="live-heading" className="flex items-center gap-3 text-2xl font-bold">
        Live updates {coverage.open ? <LiveBadge /> : null}
      </h2>
      <template data-template="live-badge">
        <LiveBadge />
      </template>
      <p data-slot="ended" hidden={!(coverage.endedAt && !coverage.open)} className="mt-2 font-semibold">
        This live coverage has ended.
      </p>
      <nav data-slot="key-events" hidden={!keyEvents.length} aria-labelledby="key-events-heading" className="mt-4 rounded border border-subtle p-3">
        <h3 id="key-events-heading" className="font-semibold">
          Key events
        </h3>
        <ul data-slot="key-list" className="mt-2 list-disc space-y-1 pl-5">
          {keyEvents.map((u) => (
            <li key={u.id}>
              <a href={`#update-${u.id}`} className="underline">
                {u.headline || time.format(new Date(u.createdAt))}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div aria-live="polite" className="sticky top-2 z-10 mt-4 text-center">
        <Button variant="primary" size="sm" data-slot="missed" hidden>
          You were away for a while: load the latest updates
        </Button>
        <Button variant="primary" size="sm" data-slot="more" hidden>
          1 new update
        </Button>
      </div>
      <ol data-slot="updates" className="mt-2 space-y-6">
        {updates.map((u) => (
          <UpdateItem key={u.id} u={u} time={time} />
        ))}
      </ol>
      <template data-template="update">
        <UpdateItem u={BLANK} time={time} template />
      </template>
    </section>
  );
}
