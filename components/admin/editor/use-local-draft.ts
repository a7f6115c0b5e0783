'use client';

import { useEffect, useRef, useState } from 'react';
import type { HeroImage } from '@/components/media/hero-image-picker';
import { forgetSetAside, removeLocalDraft, takeLocalDraft, writeLocalDraft, type DraftContent, type LocalDraft } from './local-draft';

/**
 * The editor's safety net in this browser: every change is kept locally until the server has
 * it, and a copy the server never got is offered back on arrival (see takeLocalDraft).
 * Autosave and local copies carry on while the offer waits for the writer's decision.
 */
export function useLocalDraft({
  initialId,
  serverKey,
  serverHero,
  articleId,
  content,
  dirty,
  hero,
  baseVersion,
}: {
  /** The article the page opened (null: a new one). */
  initialId: string | null;
  serverKey: string;
  serverHero: HeroImage | null;
  /** The article as saved now (a new one gets an id on its first save). */
  articleId: string | null;
  content: DraftContent;
  dirty: boolean;
  hero: HeroImage | null;
  /** The server version the current changes are made on top of (0 before the first save). */
  baseVersion: number;
}) {
  const [offer, setOffer] = useState<LocalDraft | null>(null);
  const arrival = useRef({ serverKey, serverHero });

  // On arrival. Declared before the writer below, so the copy is set aside before a clean editor clears the key.
  useEffect(() => {
    const found = takeLocalDraft(initialId, arrival.current.serverKey, arrival.current.serverHero);
    if (!found) return;
    const timer = setTimeout(() => setOffer(found), 0);
    return () => clearTimeout(timer);
  }, [initialId]);

  const { title, standfirst, sectionId, tags, bodyJson, heroImageId } = content;
  useEffect(() => {
    if (!dirty) return removeLocalDraft(articleId);
    writeLocalDraft(articleId, { title, standfirst, sectionId, tags, bodyJson, heroImageId, hero, savedAt: Date.now(), baseVersion });
  }, [title, standfirst, sectionId, tags, bodyJson, heroImageId, hero, dirty, articleId, baseVersion]);

  /** The copy offered back, taken out of storage for the editor to load. */
  function restore(): LocalDraft | null {
    forgetSetAside(initialId);
    setOffer(null);
    return offer;
  }

  function discard() {
    forgetSetAside(initialId);
    setOffer(null);
  }

  return { offer, restore, discard };
}
