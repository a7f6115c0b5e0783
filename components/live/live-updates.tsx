'use client';

import { useEffect, useRef, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { catchUpFrom, followLive } from './live-stream';

type Update = { id: string; headline: string | null; html: string; keyEvent: boolean; pinned: boolean; createdAt: string; author: string | null };
type Coverage = { startedAt: string | null; endedAt: string | null; open: boolean };

const order = (list: Update[]) => [...list].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.createdAt.localeCompare(a.createdAt));
const upsert = (list: Update[], u: Update) => order([...list.filter((x) => x.id !== u.id), u]);

/**
 * A story's live updates, kept current over the live stream: new, edited and deleted updates
 * appear without a reload; a reader who has scrolled past the top is offered "N new updates"
 * instead of having the page move under them.
 */
export function LiveUpdates({ articleId, initial, timeZone }: { articleId: string; initial: { coverage: Coverage; updates: Update[]; readAt: number }; timeZone: string }) {
  const [coverage, setCoverage] = useState(initial.coverage);
  const [updates, setUpdates] = useState(initial.updates);
  const [held, setHeld] = useState<Update[]>([]);
  // The stream could not replay everything this page missed (a long time offline): say so.
  const [missed, setMissed] = useState(false);
  const top = useRef<HTMLElement>(null);

  useEffect(() => {
    catchUpFrom(initial.readAt * 1000);
    return followLive(`article:${articleId}`, (m) => {
      if (m.type === 'coverage') setCoverage(m.coverage as Coverage);
      else if (m.type === 'reset') setMissed(true);
      else if (m.type === 'update-deleted') {
        setUpdates((list) => list.filter((u) => u.id !== m.id));
        setHeld((list) => list.filter((u) => u.id !== m.id));
      } else if (m.type === 'update-edited') {
        const u = m.update as Update;
        setUpdates((list) => (list.some((x) => x.id === u.id) ? upsert(list, u) : list));
        setHeld((list) => list.map((x) => (x.id === u.id ? u : x)));
      } else if (m.type === 'update') {
        const u = m.update as Update;
        const scrolledPast = (top.current?.getBoundingClientRect().top ?? 0) < 0;
        if (scrolledPast) setHeld((list) => [...list.filter((x) => x.id !== u.id), u]);
        else setUpdates((list) => upsert(list, u));
      }
    });
  }, [articleId, initial.readAt]);

  const time = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const keyEvents = updates.filter((u) => u.keyEvent);
  const showHeld = () => {
    setUpdates((list) => held.reduce(upsert, list));
    setHeld([]);
    top.current?.scrollIntoView({ behavior: 'smooth' });
  };
  return (
    <section ref={top} aria-labelledby="live-heading" className="mt-8">
      <h2 id="live-heading" className="flex items-center gap-3 text-2xl font-bold">
        Live updates {coverage.open ? <Badge tone="danger">Live</Badge> : null}
      </h2>
      {coverage.endedAt && !coverage.open ? <p className="mt-2 font-semibold">This live coverage has ended.</p> : null}
      {keyEvents.length ? (
        <nav aria-labelledby="key-events-heading" className="mt-4 rounded border border-subtle p-3">
          <h3 id="key-events-heading" className="font-semibold">
            Key events
          </h3>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {keyEvents.map((u) => (
              <li key={u.id}>
                <a href={`#update-${u.id}`} className="underline">
                  {u.headline || time.format(new Date(u.createdAt))}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div aria-live="polite" className="sticky top-2 z-10 mt-4 text-center">
        {missed ? (
          <Button variant="primary" size="sm" onClick={() => window.location.reload()}>
            You were away for a while: load the latest updates
          </Button>
        ) : held.length ? (
          <Button variant="primary" size="sm" onClick={showHeld}>
            {held.length === 1 ? '1 new update' : `${held.length} new updates`}
          </Button>
        ) : null}
      </div>
      <ol className="mt-2 space-y-6">
        {updates.map((u) => (
          <li key={u.id} id={`update-${u.id}`} className="border-t border-subtle pt-4">
            <article aria-labelledby={u.headline ? `update-${u.id}-headline` : undefined}>
              <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
                <time dateTime={u.createdAt}>{time.format(new Date(u.createdAt))}</time>
                {u.author ? <span>{u.author}</span> : null}
                {u.pinned ? <Badge tone="info">Pinned</Badge> : null}
                {u.keyEvent ? <Badge tone="warning">Key event</Badge> : null}
              </p>
              {u.headline ? (
                <h3 id={`update-${u.id}-headline`} className="mt-1 text-lg font-bold">
                  {u.headline}
                </h3>
              ) : null}
              {/* Rendered and sanitised on the server when the update was saved. */}
              <div className="article-body mt-1" dangerouslySetInnerHTML={{ __html: u.html }} />
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}
