'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useCallback, useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { bodyDocSchema, countWords, docToPlainText, readingMinutes, type BodyDoc } from '@/lib/articles/body-schema';
import { ARTICLE_STATUS_LABEL } from '@/lib/articles/status';
import { articlePath } from '@/lib/articles/urls';
import type { ArticleSnapshot } from '@/lib/articles/mutations';
import type { ActionState } from '@/lib/actions';
import type { SavedArticleState } from '@/lib/action-states';
import { contentKey, readLocalDraft, removeLocalDraft, writeLocalDraft, type DraftContent, type LocalDraft } from './local-draft';
import { RichTextEditor } from './rich-text-editor';
import { HeroImagePicker, type HeroImage } from '@/components/media/hero-image-picker';

type Initial = {
  id: string;
  slug: string;
  version: number;
  status: string;
  title: string;
  standfirst: string;
  bodyJson: BodyDoc;
  sectionId: string;
  tags: string;
  /** datetime-local value in the site's time zone, when scheduled. */
  publishAt?: string;
  /** When the server copy was last saved (ISO), to tell whether a local copy is newer. */
  updatedAt: string;
  heroImage?: HeroImage | null;
};

const EMPTY_DOC: BodyDoc = { type: 'doc', content: [] };
/** Autosave waits this long after the last keystroke. */
const AUTOSAVE_DELAY_MS = 2000;
/** Statuses whose articles autosave to the server; live and scheduled ones wait for an explicit Update. */
const AUTOSAVED_STATUSES = ['DRAFT', 'IN_REVIEW'];

const inputClass = 'mt-1 w-full rounded border border-black/30 bg-white px-3 py-2 text-neutral-900 dark:border-white/30 dark:bg-neutral-900 dark:text-neutral-100';

type Saved = { id: string; slug: string; version: number; status: string };
type Notice = { ok: boolean; message: string };

const STATUS_CLASS = 'text-sm text-neutral-700 dark:text-neutral-300';

/**
 * The article form. Fields stay controlled so nothing typed is lost when a save is refused;
 * every change is kept in localStorage until the server has it, drafts autosave after a
 * pause, and a refused (stale) save opens a side-by-side comparison instead of overwriting.
 */
export function ArticleEditor({
  sections,
  canPublish,
  action,
  loadCurrent,
  initial,
  initialMessage,
  timeZone,
  mediaMaxMegabytes,
}: {
  sections: { id: string; name: string }[];
  canPublish: boolean;
  action: (prev: SavedArticleState, form: FormData) => Promise<SavedArticleState>;
  /** Fetches the article as saved now, for the conflict view. */
  loadCurrent: (id: string) => Promise<ActionState<ArticleSnapshot>>;
  initial?: Initial;
  /** The site's time zone, in which "Publish at" is read. */
  timeZone: string;
  /** A message carried over from the save that created this article (the page changed URL). */
  initialMessage?: string;
  /** The media upload limit, for the image pickers' early size check. */
  mediaMaxMegabytes?: number;
}) {
  const router = useRouter();
  // Buttons stay disabled until the editor is interactive, so an early click can never
  // fall back to a plain form submission that drops the work.
  const hydrated = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  const [fields, setFields] = useState({
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
  const [saved, setSavedState] = useState<Saved | null>(initial ? { id: initial.id, slug: initial.slug, version: initial.version, status: initial.status } : null);
  // Handlers that run after an await read the latest saved version here, not a stale closure.
  const savedRef = useRef(saved);
  const setSaved = useCallback((s: Saved | null) => {
    savedRef.current = s;
    setSavedState(s);
  }, []);

  const bodyJson = JSON.stringify(body);
  const content: DraftContent = { title: fields.title, standfirst: fields.standfirst, sectionId: fields.sectionId, tags: fields.tags, bodyJson, heroImageId: hero?.id ?? '' };
  const currentKey = contentKey(content);
  // The content the server holds, as far as this editor knows.
  const [savedKey, setSavedKey] = useState(() =>
    contentKey({
      title: initial?.title ?? '',
      standfirst: initial?.standfirst ?? '',
      sectionId: initial?.sectionId ?? '',
      tags: initial?.tags ?? '',
      bodyJson: JSON.stringify(initial?.bodyJson ?? EMPTY_DOC),
      heroImageId: initial?.heroImage?.id ?? '',
    }),
  );
  const dirty = currentKey !== savedKey;

  const [notice, setNotice] = useState<Notice | null>(null);
  const [saving, setSaving] = useState(false);
  const [offline, setOffline] = useState(false);
  const [autoError, setAutoError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ArticleSnapshot | null>(null);
  const [offer, setOffer] = useState<LocalDraft | null>(null);
  const offerRef = useRef<LocalDraft | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // One save at a time: an autosave in flight is awaited before a button's save goes out.
  const inflight = useRef<Promise<void> | null>(null);
  const submittedKey = useRef(savedKey);

  const showConflict = useCallback(async () => {
    const id = savedRef.current?.id;
    if (!id) return;
    try {
      const current = await loadCurrent(id);
      if (current.ok && current.data) setConflict(current.data);
    } catch {
      setOffline(true);
    }
  }, [loadCurrent]);

  const [state, formAction, pending] = useActionState(async (prev: SavedArticleState, form: FormData) => {
    setNotice(null);
    let result: SavedArticleState;
    try {
      result = await action(prev, form);
    } catch {
      setOffline(true);
      return { ok: false, message: 'You appear to be offline. Your changes are kept in this browser; save again when you are back online.' };
    }
    setOffline(false);
    if (result.ok && result.data) {
      setSaved(result.data);
      setSavedKey(submittedKey.current);
      setAutoError(null);
      setConflict(null);
      // A new article gets its own address, so a reload or a shared link opens it again.
      if (!initial) {
        removeLocalDraft(null);
        router.replace(`/admin/articles/${result.data.id}?saved=${String(form.get('intent'))}`);
      }
    } else if (result.code === 'conflict') {
      await showConflict();
    }
    return result;
  }, { ok: !!initialMessage, message: initialMessage });

  /** Sends the form with an intent, after any autosave in flight, with the latest id and version. */
  async function submit(intent: string, overrides: Record<string, string> = {}) {
    const form = formRef.current;
    if (!form) return;
    if (inflight.current) await inflight.current;
    const data = new FormData(form);
    data.set('intent', intent);
    const current = savedRef.current;
    if (current) {
      data.set('id', current.id);
      data.set('version', String(current.version));
    }
    for (const [k, v] of Object.entries(overrides)) data.set(k, v);
    submittedKey.current = currentKey;
    // Submitting through a transition (not <form action>) stops React from resetting the
    // form after the action, which would silently blank the Section select.
    startTransition(() => formAction(data));
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void submit(submitter?.value || 'save');
  }

  const canAutosave = saved ? AUTOSAVED_STATUSES.includes(saved.status) : fields.title.trim() !== '';

  async function autosave(key: string) {
    const form = formRef.current;
    if (!form || inflight.current || pending) return;
    if (!navigator.onLine) return setOffline(true);
    const wasNew = !savedRef.current;
    const run = (async () => {
      setSaving(true);
      try {
        const data = new FormData(form);
        data.set('intent', 'save');
        const current = savedRef.current;
        if (current) {
          data.set('id', current.id);
          data.set('version', String(current.version));
        }
        const result = await action({ ok: false }, data);
        setOffline(false);
        if (result.ok && result.data) {
          setSaved(result.data);
          setSavedKey(key);
          setAutoError(null);
          if (wasNew) {
            // The article now exists: give the tab its address without remounting the editor mid-sentence.
            removeLocalDraft(null);
            window.history.replaceState(null, '', `/admin/articles/${result.data.id}`);
          }
        } else if (result.code === 'conflict') {
          setNotice({ ok: false, message: result.message ?? 'Someone else saved this article while you were editing.' });
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
  const autosaveRef = useRef(autosave);
  useEffect(() => {
    autosaveRef.current = autosave;
  });

  // Autosave after a pause in typing; a conflict or an undecided local copy holds it back.
  useEffect(() => {
    if (!dirty || !canAutosave || conflict || offer || offline) return;
    const timer = setTimeout(() => void autosaveRef.current(currentKey), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [currentKey, dirty, canAutosave, conflict, offer, offline]);

  // Offline and back: the browser says so; coming back online lets the autosave retry.
  useEffect(() => {
    const down = () => setOffline(true);
    const up = () => setOffline(false);
    window.addEventListener('offline', down);
    window.addEventListener('online', up);
    return () => {
      window.removeEventListener('offline', down);
      window.removeEventListener('online', up);
    };
  }, []);

  // On arrival: a copy this browser kept that the server never got is offered back, never dropped.
  const initialKey = useRef(savedKey);
  const initialHero = useRef(initial?.heroImage ?? null);
  useEffect(() => {
    const local = readLocalDraft(initial?.id ?? null, initialHero.current);
    if (!local) return;
    if (contentKey(local) === initialKey.current) return removeLocalDraft(initial?.id ?? null);
    offerRef.current = local;
    const timer = setTimeout(() => setOffer(local), 0);
    return () => clearTimeout(timer);
  }, [initial?.id]);

  // Every change is kept locally until the server has it.
  const articleId = saved?.id ?? null;
  useEffect(() => {
    if (offerRef.current) return;
    if (!dirty) return removeLocalDraft(articleId);
    const [title, standfirst, sectionId, tags, json, heroImageId] = JSON.parse(currentKey) as string[];
    writeLocalDraft(articleId, { title: title!, standfirst: standfirst!, sectionId: sectionId!, tags: tags!, bodyJson: json!, heroImageId: heroImageId!, hero, savedAt: Date.now(), baseVersion: savedRef.current?.version ?? 0 });
  }, [currentKey, dirty, articleId, hero]);

  function restoreLocal() {
    const local = offerRef.current;
    if (!local) return;
    const doc = bodyDocSchema.safeParse(JSON.parse(local.bodyJson));
    setFields((f) => ({ ...f, title: local.title, standfirst: local.standfirst, sectionId: local.sectionId, tags: local.tags }));
    setHero(local.hero);
    if (doc.success) {
      setBody(doc.data);
      setBodyKey((k) => k + 1);
    }
    // Made on top of an older version: saving must meet the newer one as a conflict, not overwrite it.
    const current = savedRef.current;
    if (current && local.baseVersion > 0 && local.baseVersion < current.version) setSaved({ ...current, version: local.baseVersion });
    offerRef.current = null;
    setOffer(null);
    setNotice({ ok: true, message: 'Unsaved changes restored.' });
  }

  function discardLocal() {
    removeLocalDraft(initial?.id ?? null);
    offerRef.current = null;
    setOffer(null);
  }

  function keepMine() {
    const current = savedRef.current;
    if (!conflict || !current) return;
    setSaved({ ...current, version: conflict.version, status: conflict.status });
    setConflict(null);
    void submit('save');
  }

  function takeTheirs() {
    const current = savedRef.current;
    if (!conflict || !current) return;
    const theirs = { title: conflict.title, standfirst: conflict.standfirst, sectionId: conflict.sectionId, tags: conflict.tags };
    setFields((f) => ({ ...f, ...theirs }));
    setBody(conflict.bodyJson);
    setBodyKey((k) => k + 1);
    setHero(conflict.heroImage);
    setSaved({ ...current, version: conflict.version, status: conflict.status });
    setSavedKey(contentKey({ ...theirs, bodyJson: JSON.stringify(conflict.bodyJson), heroImageId: conflict.heroImage?.id ?? '' }));
    setConflict(null);
    setNotice({ ok: true, message: `Loaded their version (version ${conflict.version}). Your changes were set aside.` });
  }

  const set = (k: keyof typeof fields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [k]: e.target.value }));
  const err = (k: string) => (!state.ok && !notice ? state.fieldErrors?.[k]?.[0] : undefined);
  const bodyError = err('body') ?? err('bodyJson');
  const isLive = saved?.status === 'PUBLISHED';
  const isScheduled = saved?.status === 'SCHEDULED';
  // Writers change their articles only while Draft or In review (lib/articles/mutations.ts): say so instead of offering saves that are refused.
  const lockedForWriter = !canPublish && (isLive || isScheduled);
  const busy = pending || saving || !hydrated;
  const words = countWords(body);
  const shown = notice ?? (state.message ? { ok: state.ok, message: state.message } : null);

  let autosaveStatus = '';
  if (conflict) autosaveStatus = 'Not saved — someone else saved a newer version';
  else if (saving) autosaveStatus = 'Saving…';
  else if (dirty && offline) autosaveStatus = 'Offline — changes kept locally';
  else if (dirty && saved && !canAutosave) autosaveStatus = 'Unsaved changes — kept locally until you save';
  else if (dirty && !saved && !canAutosave) autosaveStatus = 'Not saved yet — add a title; changes are kept locally';
  else if (dirty && autoError) autosaveStatus = `Not saved: ${autoError}`;
  else if (dirty) autosaveStatus = 'Unsaved changes';
  else if (saved) autosaveStatus = 'Saved';

  const fieldError = (k: string, message = err(k)) =>
    message ? (
      <p id={`article-${k}-error`} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
        {message}
      </p>
    ) : null;

  return (
    // autoComplete off: the browser must not restore stale field values over the server's copy on reload.
    <form ref={formRef} onSubmit={onSubmit} autoComplete="off" className="mt-6 space-y-5">
      {saved ? (
        <>
          <input type="hidden" name="id" value={saved.id} />
          <input type="hidden" name="version" value={saved.version} />
        </>
      ) : null}
      <input type="hidden" name="bodyJson" value={bodyJson} />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm">
          Status: <strong>{saved ? ARTICLE_STATUS_LABEL[saved.status] ?? saved.status : 'New draft'}</strong>
          {saved ? ` · version ${saved.version}` : ''}
        </p>
        <p role="status" aria-label="Autosave" className={STATUS_CLASS}>
          {autosaveStatus}
        </p>
      </div>

      {offer ? (
        <section aria-labelledby="local-draft-heading" className="rounded border border-amber-700 bg-amber-50 p-4 text-amber-950">
          <h2 id="local-draft-heading" className="font-semibold">
            Unsaved changes found in this browser
          </h2>
          <p className="mt-1 text-sm">
            Changes made {new Date(offer.savedAt).toLocaleString()} never reached the server.
            {saved && offer.baseVersion > 0 && offer.baseVersion < saved.version
              ? ` They were made on version ${offer.baseVersion}; the article has since been saved as version ${saved.version}, so you will be able to compare before anything is overwritten.`
              : ''}
          </p>
          <div className="mt-3 flex gap-3">
            <button type="button" onClick={restoreLocal} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white">
              Restore unsaved changes
            </button>
            <button type="button" onClick={discardLocal} className="rounded border border-neutral-900 px-4 py-2 font-semibold">
              Discard
            </button>
          </div>
        </section>
      ) : null}

      <div>
        <label htmlFor="article-title" className="block font-semibold">
          Title
        </label>
        <input id="article-title" name="title" value={fields.title} onChange={set('title')} required maxLength={200} aria-invalid={!!err('title')} aria-describedby={err('title') ? 'article-title-error' : undefined} className={`${inputClass} text-lg`} />
        {fieldError('title')}
      </div>
      <div>
        <label htmlFor="article-standfirst" className="block font-semibold">
          Standfirst
        </label>
        <textarea id="article-standfirst" name="standfirst" rows={2} value={fields.standfirst} onChange={set('standfirst')} maxLength={400} aria-describedby="article-standfirst-hint" className={inputClass} />
        <p id="article-standfirst-hint" className="mt-1 text-xs text-neutral-600 dark:text-neutral-300">
          One or two sentences under the headline.
        </p>
        {fieldError('standfirst')}
      </div>
      <div>
        <span id="article-body-label" className="block font-semibold">
          Body
        </span>
        <RichTextEditor key={bodyKey} initial={body} onChange={setBody} labelledBy="article-body-label" describedBy={bodyError ? 'article-body-hint article-body-error' : 'article-body-hint'} invalid={!!bodyError} mediaMaxMegabytes={mediaMaxMegabytes} />
        <p id="article-body-hint" className="mt-1 text-xs text-neutral-600 dark:text-neutral-300">
          {words} {words === 1 ? 'word' : 'words'} · {readingMinutes(words)} min read. Shortcuts: Ctrl+B bold, Ctrl+I italic, Ctrl+Alt+2–4 headings, Ctrl+Shift+8 bulleted list, Ctrl+Shift+B quote.
        </p>
        {fieldError('body', bodyError)}
      </div>
      <HeroImagePicker value={hero} onChange={setHero} maxMegabytes={mediaMaxMegabytes} />
      {fieldError('heroImageId')}
      <div className="grid gap-5 sm:grid-cols-2">
        <div>
          <label htmlFor="article-section" className="block font-semibold">
            Section
          </label>
          <select id="article-section" name="sectionId" value={fields.sectionId} onChange={set('sectionId')} className={inputClass}>
            <option value="">No section</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {fieldError('sectionId')}
        </div>
        <div>
          <label htmlFor="article-tags" className="block font-semibold">
            Tags
          </label>
          <input id="article-tags" name="tags" value={fields.tags} onChange={set('tags')} aria-describedby="article-tags-hint" className={inputClass} />
          <p id="article-tags-hint" className="mt-1 text-xs text-neutral-600 dark:text-neutral-300">
            Separate tags with commas.
          </p>
          {fieldError('tags')}
        </div>
      </div>

      {canPublish && !isLive ? (
        <fieldset className="rounded border border-black/15 p-4 dark:border-white/20">
          <legend className="px-1 font-semibold">Schedule</legend>
          <div className="flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor="article-publish-at" className="block text-sm font-semibold">
                Publish at
              </label>
              <input
                id="article-publish-at"
                name="publishAt"
                type="datetime-local"
                step={1}
                value={fields.publishAt}
                onChange={set('publishAt')}
                aria-invalid={!!err('publishAt')}
                aria-describedby="article-publish-at-hint"
                className={inputClass}
              />
            </div>
            <button type="submit" name="intent" value="schedule" disabled={busy} className="rounded border border-black/30 bg-white px-4 py-2 font-semibold text-neutral-900 disabled:opacity-60">
              {isScheduled ? 'Reschedule' : 'Schedule'}
            </button>
          </div>
          <p id="article-publish-at-hint" className="mt-1 text-xs text-neutral-600 dark:text-neutral-300">
            Time zone: {timeZone}. The article goes live at this time on its own.
          </p>
          {fieldError('publishAt')}
        </fieldset>
      ) : null}

      {lockedForWriter ? (
        <p role="note" className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-950">
          This article is {isLive ? 'published' : 'scheduled'}, so only an editor can change it now. Ask an editor for any correction; your changes here are not saved.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        {lockedForWriter ? null : (
          <button type="submit" name="intent" value="save" disabled={busy} className="rounded border border-black/30 bg-white px-4 py-2 font-semibold text-neutral-900 disabled:opacity-60 dark:border-white/30">
            {isLive ? 'Update' : 'Save draft'}
          </button>
        )}
        {canPublish && !isLive ? (
          <button type="submit" name="intent" value="publish" disabled={busy} className="rounded bg-red-800 px-4 py-2 font-semibold text-white disabled:opacity-60">
            {isScheduled ? 'Publish now' : 'Publish'}
          </button>
        ) : null}
        {canPublish && (isLive || isScheduled) ? (
          <button type="submit" name="intent" value="unpublish" disabled={busy} className="rounded border border-red-800 px-4 py-2 font-semibold text-red-800 disabled:opacity-60 dark:text-red-300">
            {isScheduled ? 'Unschedule' : 'Unpublish'}
          </button>
        ) : null}
        {!canPublish && !lockedForWriter && saved?.status !== 'IN_REVIEW' ? (
          <button type="submit" name="intent" value="submit" disabled={busy} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white disabled:opacity-60">
            Submit for review
          </button>
        ) : null}
        {isLive && saved ? (
          <Link href={articlePath(saved.slug)} className="font-semibold text-red-800 underline dark:text-red-300">
            View article
          </Link>
        ) : null}
      </div>
      <div aria-live="polite">
        {shown ? (
          <p role={shown.ok ? 'status' : 'alert'} className={shown.ok ? 'rounded bg-green-50 p-3 text-green-900' : 'rounded bg-red-50 p-3 text-red-900'}>
            {shown.message}
          </p>
        ) : null}
      </div>

      {conflict ? (
        <section aria-labelledby="conflict-heading" className="rounded border-2 border-amber-700 p-4">
          <h2 id="conflict-heading" className="text-lg font-bold">
            Compare before saving
          </h2>
          <p className="mt-1 text-sm">
            {conflict.savedBy ?? 'Someone'} saved version {conflict.version} at {new Date(conflict.updatedAt).toLocaleString()}. Nothing has been overwritten. Keep yours
            (saved on top of theirs) or use theirs (your changes are set aside).
          </p>
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            <VersionColumn heading={`Their version (version ${conflict.version})`} id="conflict-theirs" title={conflict.title} standfirst={conflict.standfirst} body={docToPlainText(conflict.bodyJson)} hero={conflict.heroImage} />
            <VersionColumn heading="Your version" id="conflict-mine" title={fields.title} standfirst={fields.standfirst} body={docToPlainText(body)} hero={hero} />
          </div>
          <div className="mt-4 flex flex-wrap gap-3">
            <button type="button" onClick={keepMine} disabled={busy} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white disabled:opacity-60">
              Keep mine
            </button>
            <button type="button" onClick={takeTheirs} disabled={busy} className="rounded border border-neutral-900 px-4 py-2 font-semibold disabled:opacity-60 dark:border-white">
              Use theirs
            </button>
          </div>
        </section>
      ) : null}
    </form>
  );
}

function VersionColumn({ heading, id, title, standfirst, body, hero }: { heading: string; id: string; title: string; standfirst: string; body: string; hero: HeroImage | null }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded border border-black/20 p-3 dark:border-white/25">
      <h3 id={`${id}-heading`} className="font-semibold">
        {heading}
      </h3>
      <dl className="mt-2 space-y-2 text-sm">
        <div>
          <dt className="font-semibold">Title</dt>
          <dd>{title}</dd>
        </div>
        <div>
          <dt className="font-semibold">Standfirst</dt>
          <dd>{standfirst || '—'}</dd>
        </div>
        <div>
          <dt className="font-semibold">Hero image</dt>
          <dd className="flex items-center gap-2">
            {hero ? (
              <>
                {/* eslint-disable-next-line @next/next/no-img-element -- a stored thumbnail; the alt text is written beside it */}
                <img src={hero.thumbnailUrl} alt="" width={64} height={36} className="aspect-video w-16 rounded object-cover" />
                <span>{hero.alt}</span>
              </>
            ) : (
              'None'
            )}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Text</dt>
          <dd className="whitespace-pre-wrap font-serif">{body || '—'}</dd>
        </div>
      </dl>
    </section>
  );
}
