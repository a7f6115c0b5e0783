'use client';

import { Button } from '@/components/ui/button';
import type { LocalDraft } from './local-draft';

/** "Unsaved changes found in this browser": restore the copy the server never got, or discard it. */
export function LocalDraftOffer({ offer, savedVersion, onRestore, onDiscard }: { offer: LocalDraft; savedVersion?: number; onRestore: () => void; onDiscard: () => void }) {
  const older = savedVersion !== undefined && offer.baseVersion > 0 && offer.baseVersion < savedVersion;
  return (
    <section aria-labelledby="local-draft-heading" className="rounded-lg border border-warning/40 bg-warning-soft p-4">
      <h2 id="local-draft-heading" className="font-semibold text-warning">
        Unsaved changes found in this browser
      </h2>
      <p className="mt-1 text-sm">
        Changes made {new Date(offer.savedAt).toLocaleString()} never reached the server.
        {older ? ` They were made on version ${offer.baseVersion}; the article has since been saved as version ${savedVersion}, so you will be able to compare before anything is overwritten.` : ''}
      </p>
      <div className="mt-3 flex gap-3">
        <Button variant="primary" onClick={onRestore}>
          Restore unsaved changes
        </Button>
        <Button onClick={onDiscard}>Discard</Button>
      </div>
    </section>
  );
}
