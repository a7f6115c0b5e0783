'use client';

import { useState } from 'react';
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
    <fieldset className="rounded border border-black/15 p-4 dark:border-white/20">
      <legend className="px-1 font-semibold">Hero image</legend>
      <input type="hidden" name="heroImageId" value={hero?.id ?? ''} />
      {hero ? (
        <div className="flex flex-wrap items-start gap-4">
          {/* eslint-disable-next-line @next/next/no-img-element -- a stored thumbnail */}
          <img src={hero.thumbnailUrl} alt={hero.alt} width={160} height={90} className="aspect-video w-40 rounded object-cover" />
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
        <p className="text-sm text-neutral-700 dark:text-neutral-300">No hero image. The article page and social cards show text only.</p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" onClick={() => setPicking(true)} className="rounded border border-black/30 bg-white px-3 py-1.5 text-sm font-semibold text-neutral-900 dark:border-white/30">
          {hero ? 'Change hero image' : 'Choose hero image'}
        </button>
        {hero ? (
          <button type="button" onClick={() => onChange(null)} className="rounded border border-red-800 px-3 py-1.5 text-sm font-semibold text-red-800 dark:text-red-300">
            Remove hero image
          </button>
        ) : null}
      </div>
      <p className="mt-2 text-xs text-neutral-600 dark:text-neutral-300">Saved with the article. Caption and credit come from the media library.</p>
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
