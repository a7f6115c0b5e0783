'use client';

import type { Collab, CollabStatus } from './use-collab';

/** The autosave line while co-editing (null when the editor saves as before). */
export function collabStatusText(status: CollabStatus): string | null {
  if (status === 'live') return 'Co-editing: changes are saved as you type.';
  if (status === 'offline') return 'Offline: keep typing, your changes merge when you reconnect.';
  if (status === 'refused') return 'You no longer have access to this story; your last changes were not shared.';
  if (status === 'connecting') return 'Opening the shared story…';
  return null;
}

/** "Also editing: …": everyone else in the story, each in their caret colour. */
export function CollabPresence({ collab }: { collab: Collab }) {
  return (
    <p role="status" aria-label="Also editing" className="flex flex-wrap items-center gap-2 text-sm">
      {collab.others.length ? (
        <>
          <span className="text-muted">Also editing:</span>
          {collab.others.map((p) => (
            <span key={p.id} className="inline-flex items-center gap-1.5 rounded-full border border-subtle px-2 py-0.5 font-medium">
              <span aria-hidden className="inline-block size-2.5 rounded-full" style={{ backgroundColor: p.colour }} />
              {p.name}
            </span>
          ))}
        </>
      ) : (
        <span className="text-muted">Nobody else is editing this story.</span>
      )}
    </p>
  );
}
