'use client';

import { startTransition, useActionState, useState, type FormEvent, type RefObject } from 'react';
import type { SaveDetailsState } from '@/lib/action-states';
import type { ArticleDetailsSnapshot } from '@/lib/articles/details';
import type { ArticleDetailsInitial, Item, SeoValues } from './types';

/**
 * The Details panel's values and its save: with its own version (never the text's), so a save
 * refused because a colleague saved the details first keeps their values to compare, use or overwrite.
 */
export function useDetailsForm({
  initial,
  canPinRelated,
  formRef,
  action,
}: {
  initial: ArticleDetailsInitial;
  canPinRelated: boolean;
  formRef: RefObject<HTMLFormElement | null>;
  action: (prev: SaveDetailsState, form: FormData) => Promise<SaveDetailsState>;
}) {
  // The details version this panel's values were loaded from (or last saved as).
  const [baseVersion, setBaseVersion] = useState(initial.detailsVersion);
  // A colleague's newer details, when a save was refused: shown beside these until the user decides.
  const [conflict, setConflict] = useState<ArticleDetailsSnapshot | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; message: string } | null>(null);
  const [authors, setAuthors] = useState<Item[]>(initial.authors);
  const [related, setRelated] = useState<Item[]>(initial.related);
  const [commentsOpen, setCommentsOpen] = useState(initial.commentsOpen);
  const [seo, setSeo] = useState<SeoValues>({ seoTitle: initial.seoTitle, seoDescription: initial.seoDescription, canonicalUrl: initial.canonicalUrl, socialImageId: initial.socialImageId });

  const [state, formAction, pending] = useActionState(
    async (prev: SaveDetailsState, form: FormData): Promise<SaveDetailsState> => {
      setNotice(null);
      let result: SaveDetailsState;
      try {
        result = await action(prev, form);
      } catch {
        return { ok: false, message: 'The server could not be reached. Your details are still here: save again when you are back online.' };
      }
      if (result.ok && result.data?.detailsVersion) {
        setBaseVersion(result.data.detailsVersion);
        setConflict(null);
      } else if (result.code === 'conflict' && result.data?.current) {
        setConflict(result.data.current);
      }
      return result;
    },
    { ok: false },
  );

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => formAction(data));
  }

  /** "Keep my details": these values, saved on top of the colleague's version. */
  function keepMine() {
    const form = formRef.current;
    if (!conflict || !form) return;
    const data = new FormData(form);
    data.set('detailsVersion', String(conflict.detailsVersion));
    // Writers cannot pin: they keep whatever an editor pinned meanwhile, or the save would be refused.
    if (!canPinRelated) {
      data.delete('relatedIds');
      for (const r of conflict.related) data.append('relatedIds', r.id);
      setRelated(conflict.related);
    }
    setBaseVersion(conflict.detailsVersion);
    setConflict(null);
    startTransition(() => formAction(data));
  }

  /** "Use their details": the panel reloads with the colleague's saved values; the user's are set aside. */
  function takeTheirs() {
    if (!conflict) return;
    setAuthors(conflict.authors);
    setRelated(conflict.related);
    setCommentsOpen(conflict.commentsOpen);
    setSeo({ seoTitle: conflict.seoTitle, seoDescription: conflict.seoDescription, canonicalUrl: conflict.canonicalUrl, socialImageId: conflict.socialImageId });
    setBaseVersion(conflict.detailsVersion);
    setConflict(null);
    setNotice({ ok: true, message: `Loaded the details ${conflict.changedBy ?? 'your colleague'} saved. Your changes were set aside.` });
  }

  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return {
    baseVersion,
    values: { authors, related, commentsOpen, ...seo },
    setAuthors,
    setRelated,
    setCommentsOpen,
    setSeoField: (k: keyof SeoValues) => (e: { target: { value: string } }) => setSeo((s) => ({ ...s, [k]: e.target.value })),
    conflict,
    error: (k: string) => errors[k]?.[0],
    shown: notice ?? (state.message ? { ok: state.ok, message: state.message } : null),
    pending,
    onSubmit,
    keepMine,
    takeTheirs,
  };
}
