'use client';

import { useState } from 'react';
import type { HeroImage } from '@/components/media/hero-image-picker';
import type { BodyDoc } from '@/lib/articles/body-schema';
import { contentKey, type DraftContent } from './local-draft';
import type { ArticleEditorInitial } from './types';

export const EMPTY_DOC: BodyDoc = { type: 'doc', content: [] };

export type DraftFields = { title: string; standfirst: string; sectionId: string; tags: string; publishAt: string };
/** A whole version of the text to load into the editor: a restored local copy, or a colleague's version. */
export type LoadedVersion = Omit<DraftFields, 'publishAt'> & { body: BodyDoc | null; hero: HeroImage | null };

/** The content key of the article as the server sent it. */
export function initialContentKey(initial?: ArticleEditorInitial): string {
  return contentKey({
    title: initial?.title ?? '',
    standfirst: initial?.standfirst ?? '',
    sectionId: initial?.sectionId ?? '',
    tags: initial?.tags ?? '',
    bodyJson: JSON.stringify(initial?.bodyJson ?? EMPTY_DOC),
    heroImageId: initial?.heroImage?.id ?? '',
  });
}

/**
 * The text being edited: fields, body and hero image, kept controlled so nothing typed is lost
 * when a save is refused, with one content key to tell a change from what the server holds.
 */
export function useArticleDraft(initial?: ArticleEditorInitial) {
  const [fields, setFields] = useState<DraftFields>({
    title: initial?.title ?? '',
    standfirst: initial?.standfirst ?? '',
    sectionId: initial?.sectionId ?? '',
    tags: initial?.tags ?? '',
    publishAt: initial?.publishAt ?? '',
  });
  const [body, setBody] = useState<BodyDoc>(initial?.bodyJson ?? EMPTY_DOC);
  // Part of the content like the text: choosing or removing it autosaves, is kept locally and is compared.
  const [hero, setHero] = useState<HeroImage | null>(initial?.heroImage ?? null);
  // Bumped to load a different body (restore, use theirs): the rich-text editor remounts with it.
  const [bodyKey, setBodyKey] = useState(0);

  const bodyJson = JSON.stringify(body);
  const content: DraftContent = { title: fields.title, standfirst: fields.standfirst, sectionId: fields.sectionId, tags: fields.tags, bodyJson, heroImageId: hero?.id ?? '' };

  const setField = (k: keyof DraftFields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [k]: e.target.value }));

  function load(version: LoadedVersion) {
    setFields((f) => ({ ...f, title: version.title, standfirst: version.standfirst, sectionId: version.sectionId, tags: version.tags }));
    setHero(version.hero);
    if (version.body) {
      setBody(version.body);
      setBodyKey((k) => k + 1);
    }
  }

  return { fields, setField, body, setBody, hero, setHero, bodyKey, bodyJson, content, key: contentKey(content), load };
}

export type ArticleDraft = ReturnType<typeof useArticleDraft>;
