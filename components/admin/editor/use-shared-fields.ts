'use client';

import { useEffect, useMemo } from 'react';
import { COLLAB_FIELDS } from '@/lib/collab/fields';
import type { ArticleDraft, DraftFields } from './use-article-draft';
import { applyTextChange, type Collab } from './use-collab';

const SHARED = ['title', 'standfirst'] as const;

/**
 * Binds the title and standfirst fields to their shared texts: what others type shows at once, and
 * what is typed here goes to everyone as the smallest change. Returns the draft to hand to the fields.
 */
export function useSharedFields(collab: Collab | null, draft: ArticleDraft): ArticleDraft {
  const doc = collab?.doc ?? null;
  const { setField } = draft;
  useEffect(() => {
    if (!doc) return;
    const stops = SHARED.map((field) => {
      const text = doc.getText(COLLAB_FIELDS[field]);
      const show = () => setField(field)({ target: { value: text.toString() } });
      show();
      text.observe(show);
      return () => text.unobserve(show);
    });
    return () => stops.forEach((stop) => stop());
    // setField is a new function each render; the texts are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc]);
  return useMemo(() => {
    if (!doc) return draft;
    return {
      ...draft,
      setField: (k: keyof DraftFields) => (e: { target: { value: string } }) => {
        if (k === 'title' || k === 'standfirst') applyTextChange(doc.getText(COLLAB_FIELDS[k]), e.target.value);
        draft.setField(k)(e);
      },
    };
  }, [doc, draft]);
}
