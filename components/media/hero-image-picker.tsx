'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ClientMediaItem } from '@/lib/media/client-item';
import { MediaPicker } from './media-picker';

export type HeroImage = Pick<ClientMediaItem, 'id' | 'alt' | 'caption' | 'credit' | 'thumbnailUrl' | 'filename'>;

/**
 * The article's hero image: a hidden heroImageId field for the article form, a preview,
 * and buttons to choose, change or remove it. Only images with alt text can be chosen.
 * Controlled by the editor, so a new hero counts as a change (autosave, local copy, conflicts).
 */
export function HeroImagePicker({ value, onChange, maxMegabytes }: { value: HeroImage | null; onChange: (hero: HeroImage | null) => void; maxMegabytes?: number }) {
  const [picking, setPicking] = useState(false);
  const hero = value;
  return (
    <fieldset className="rounded-lg border border-subtle p-4">
      <legend className="px-1 text-sm font-semibold">Hero image</legend>
      <input type="hidden" name="heroImageId" value={hero?.id ?? ''} />
      {hero ? (
        <div className="flex flex-wrap items-start gap-4">
          {/* eslint-disable-next-line @next/next/no-img-element -- a stored thumbnail */}
          <img src={hero.thumbnailUrl} alt={hero.alt} width={160} height={90} className="aspect-video w-40 rounded-md bg-surface-muted object-cover" />
          <div className="text-sm">
            <p>
              <strong>Alt text:</strong> {hero.alt}
            </p>
            {hero.caption ? (
              <p>
                <strong>Caption:</strong> {hero.caption}
              </p>
            ) : null}
            {hero.credit ? (
              <p>
                <strong>Credit:</strong> {hero.credit}
              </p>
            ) : null}
          </div>
        </div>
      ) : (
        <p className="text-sm text-muted">No hero image. The article page and social cards show text only.</p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" onClick={() => setPicking(true)}>
          {hero ? 'Change hero image' : 'Choose hero image'}
        </Button>
        {hero ? (
          <Button size="sm" onClick={() => onChange(null)}>
            Remove hero image
          </Button>
        ) : null}
      </div>
      <p className="mt-2 text-xs text-muted">Saved with the article. Caption and credit come from the media library.</p>
      <MediaPicker
        open={picking}
        mode="hero"
        maxMegabytes={maxMegabytes}
        onClose={() => setPicking(false)}
        onChoose={({ item }) => {
          setPicking(false);
          onChange({ id: item.id, alt: item.alt, caption: item.caption, credit: item.credit, thumbnailUrl: item.thumbnailUrl, filename: item.filename });
        }}
      />
    </fieldset>
  );
}
