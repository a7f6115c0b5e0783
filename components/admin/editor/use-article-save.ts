'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { ActionState } from '@/lib/actions';
import type { SavedArticleState } from '@/lib/action-states';
import type { ArticleSnapshot } from '@/lib/articles/mutations';
import { contentKey, removeLocalDraft } from './local-draft';
import { useOnlineStatus } from './use-autosave';
import type { ArticleDraft } from './use-article-draft';
import { EDITOR_KINDS, type EditorKind } from './kinds';
import type { ArticleEditorInitial, Notice, SavedArticle } from './types';

const OFFLINE = 'You appear to be offline. Your changes are kept in this browser; save again when you are back online.';

/**
 * Saving the article: the buttons' saves (one at a time, after any autosave in flight, with the
 * latest id and version), the background autosave, and a refused (stale) save turned into a
 * comparison with what is saved now instead of an overwrite.
 */
export function useArticleSave({
  initial,
  initialMessage,
  initialKey,
  draft,
  formRef,
  action,
  loadCurrent,
  kind = 'article',
}: {
  initial?: ArticleEditorInitial;
  initialMessage?: string;
  initialKey: string;
  draft: ArticleDraft;
  formRef: RefObject<HTMLFormElement | null>;
  action: (prev: SavedArticleState, form: FormData) => Promise<SavedArticleState>;
  loadCurrent: (id: string) => Promise<ActionState<ArticleSnapshot>>;
  kind?: EditorKind;
}) {
  const router = useRouter();
  const { noun, basePath, newDraftId } = EDITOR_KINDS[kind];
  const [saved, setSavedState] = useState<SavedArticle | null>(initial ? { id: initial.id, slug: initial.slug, version: initial.version, status: initial.status } : null);
  // Handlers that run after an await read the latest saved version here, not a stale closure.
  const savedRef = useRef(saved);
  const setSaved = useCallback((s: SavedArticle | null) => {
    savedRef.current = s;
    setSavedState(s);
  }, []);
  // The content the server holds, as far as this editor knows.
  const [savedKey, setSavedKey] = useState(initialKey);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [conflict, setConflict] = useState<ArticleSnapshot | null>(null);
  const [autoError, setAutoError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [offline, setOffline] = useOnlineStatus();
  // One save at a time: an autosave in flight is awaited before a button's save goes out.
  const inflight = useRef<Promise<void> | null>(null);
  const submittedKey = useRef(initialKey);
  const latestKey = useRef(draft.key);
  useEffect(() => {
    latestKey.current = draft.key;
  });

  /** The server has `key` now: unless more was typed since, the local copy is no longer needed (cleared at once, before any navigation). */
  function settled(id: string, key: string) {
    setSavedKey(key);
    setAutoError(null);
    if (latestKey.current === key) removeLocalDraft(id);
    // A new article's copy was kept under "new": from now on it is kept under its id.
    if (!initial) removeLocalDraft(newDraftId);
  }

  async function showConflict() {
    const id = savedRef.current?.id;
    if (!id) return;
    try {
      const current = await loadCurrent(id);
      if (current.ok && current.data) setConflict(current.data);
    } catch {
      setOffline(true);
    }
  }

  /** The form's data with the latest id and version. */
  function formData(intent: string, overrides: Record<string, string> = {}) {
    const data = new FormData(formRef.current!);
    data.set('intent', intent);
    const current = savedRef.current;
    if (current) {
      data.set('id', current.id);
      data.set('version', String(current.version));
    }
    for (const [k, v] of Object.entries(overrides)) data.set(k, v);
    return data;
  }

  const [state, formAction, pending] = useActionState(
    async (prev: SavedArticleState, form: FormData) => {
      setNotice(null);
      let result: SavedArticleState;
      try {
        result = await action(prev, form);
      } catch {
        setOffline(true);
        return { ok: false, message: OFFLINE };
      }
      setOffline(false);
      if (result.ok && result.data) {
        setSaved(result.data);
        settled(result.data.id, submittedKey.current);
        setConflict(null);
        // A new article gets its own address, so a reload or a shared link opens it again.
        if (!initial) router.replace(`${basePath}/${result.data.id}?saved=${String(form.get('intent'))}`);
      } else if (result.code === 'conflict') {
        await showConflict();
      }
      return result;
    },
    { ok: !!initialMessage, message: initialMessage },
  );

  /** Sends the form with an intent, after any autosave in flight. */
  async function submit(intent: string, overrides: Record<string, string> = {}) {
    if (!formRef.current) return;
    if (inflight.current) await inflight.current;
    const data = formData(intent, overrides);
    submittedKey.current = latestKey.current;
    // Submitting through a transition (not <form action>) stops React from resetting the
    // form after the action, which would silently blank the Section select.
    startTransition(() => formAction(data));
  }

  /** The background save after a pause in typing. */
  async function autosave(key: string) {
    if (!formRef.current || inflight.current || pending) return;
    if (!navigator.onLine) return setOffline(true);
    const wasNew = !savedRef.current;
    const run = (async () => {
      setSaving(true);
      try {
        const result = await action({ ok: false }, formData('save'));
        setOffline(false);
        if (result.ok && result.data) {
          setSaved(result.data);
          settled(result.data.id, key);
          // The article now exists: give the tab its address without remounting the editor mid-sentence.
          if (wasNew) window.history.replaceState(null, '', `${basePath}/${result.data.id}`);
        } else if (result.code === 'conflict') {
          setNotice({ ok: false, message: result.message ?? `Someone else saved this ${noun} while you were editing.` });
          await showConflict();
        } else {
          setAutoError(result.message ?? 'The draft could not be saved.');
        }
      } catch {
        setOffline(true);
      } finally {
        setSaving(false);
      }
    })();
    inflight.current = run;
    await run;
    inflight.current = null;
  }

  /** "Keep mine": these changes, saved on top of their version. */
  function keepMine() {
    const current = savedRef.current;
    if (!conflict || !current) return;
    setSaved({ ...current, version: conflict.version, status: conflict.status });
    setConflict(null);
    void submit('save');
  }

  /** "Use theirs": the editor loads their version; these changes are set aside. */
  function takeTheirs() {
    const current = savedRef.current;
    if (!conflict || !current) return;
    const theirs = { title: conflict.title, standfirst: conflict.standfirst, sectionId: conflict.sectionId, tags: conflict.tags };
    draft.load({ ...theirs, body: conflict.bodyJson, hero: conflict.heroImage });
    setSaved({ ...current, version: conflict.version, status: conflict.status });
    setSavedKey(contentKey({ ...theirs, bodyJson: JSON.stringify(conflict.bodyJson), heroImageId: conflict.heroImage?.id ?? '' }));
    setConflict(null);
    setNotice({ ok: true, message: `Loaded their version (version ${conflict.version}). Your changes were set aside.` });
  }

  return { saved, setSaved, savedKey, state, pending, saving, offline, autoError, conflict, notice, setNotice, submit, autosave, keepMine, takeTheirs };
}
