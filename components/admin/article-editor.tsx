'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useState, useSyncExternalStore, type FormEvent } from 'react';
import { articlePath } from '@/lib/articles/urls';
import type { SavedArticleState } from '@/app/(dashboard)/admin/actions';

type Initial = {
  id: string;
  slug: string;
  version: number;
  status: string;
  title: string;
  standfirst: string;
  body: string;
  sectionId: string;
  tags: string;
  /** datetime-local value in the site's time zone, when scheduled. */
  publishAt?: string;
};

const inputClass = 'mt-1 w-full rounded border border-black/30 bg-white px-3 py-2 text-neutral-900 dark:border-white/30 dark:bg-neutral-900 dark:text-neutral-100';
const STATUS_LABEL: Record<string, string> = { DRAFT: 'Draft', IN_REVIEW: 'In review', SCHEDULED: 'Scheduled', PUBLISHED: 'Published', ARCHIVED: 'Archived' };

/** The article form: fields stay controlled so nothing typed is lost when a save is refused. */
export function ArticleEditor({
  sections,
  canPublish,
  action,
  initial,
  initialMessage,
  timeZone,
}: {
  sections: { id: string; name: string }[];
  canPublish: boolean;
  action: (prev: SavedArticleState, form: FormData) => Promise<SavedArticleState>;
  initial?: Initial;
  /** The site's time zone, in which "Publish at" is read. */
  timeZone: string;
  /** A message carried over from the save that created this article (the page changed URL). */
  initialMessage?: string;
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
    body: initial?.body ?? '',
    sectionId: initial?.sectionId ?? '',
    tags: initial?.tags ?? '',
    publishAt: initial?.publishAt ?? '',
  });
  const [saved, setSaved] = useState(initial ? { id: initial.id, slug: initial.slug, version: initial.version, status: initial.status } : null);
  const [state, formAction, pending] = useActionState(async (prev: SavedArticleState, form: FormData) => {
    const result = await action(prev, form);
    if (result.ok && result.data) {
      setSaved(result.data);
      // A new article gets its own address, so a reload or a shared link opens it again.
      if (!initial) router.replace(`/admin/articles/${result.data.id}?saved=${String(form.get('intent'))}`);
    }
    return result;
  }, { ok: !!initialMessage, message: initialMessage });

  // Submitting through a transition (not <form action>) stops React from resetting the
  // form after the action, which would silently blank the Section select.
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const form = new FormData(e.currentTarget, submitter);
    startTransition(() => formAction(form));
  }

  const set = (k: keyof typeof fields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [k]: e.target.value }));
  const err = (k: string) => (!state.ok ? state.fieldErrors?.[k]?.[0] : undefined);
  const isLive = saved?.status === 'PUBLISHED';
  const isScheduled = saved?.status === 'SCHEDULED';

  const fieldError = (k: string) =>
    err(k) ? (
      <p id={`article-${k}-error`} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
        {err(k)}
      </p>
    ) : null;

  return (
    // autoComplete off: the browser must not restore stale field values over the server's copy on reload.
    <form onSubmit={onSubmit} autoComplete="off" className="mt-6 space-y-5">
      {saved ? (
        <>
          <input type="hidden" name="id" value={saved.id} />
          <input type="hidden" name="version" value={saved.version} />
        </>
      ) : null}
      <p className="text-sm">
        Status: <strong>{saved ? STATUS_LABEL[saved.status] ?? saved.status : 'New draft'}</strong>
        {saved ? ` · version ${saved.version}` : ''}
      </p>
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
        <label htmlFor="article-body" className="block font-semibold">
          Body
        </label>
        <textarea id="article-body" name="body" rows={16} value={fields.body} onChange={set('body')} aria-invalid={!!err('body')} aria-describedby="article-body-hint" className={`${inputClass} font-serif`} />
        <p id="article-body-hint" className="mt-1 text-xs text-neutral-600 dark:text-neutral-300">
          Separate paragraphs with a blank line. {fields.body.split(/\s+/).filter(Boolean).length} words.
        </p>
        {fieldError('body')}
      </div>
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
            <button type="submit" name="intent" value="schedule" disabled={pending || !hydrated} className="rounded border border-black/30 bg-white px-4 py-2 font-semibold text-neutral-900 disabled:opacity-60">
              {isScheduled ? 'Reschedule' : 'Schedule'}
            </button>
          </div>
          <p id="article-publish-at-hint" className="mt-1 text-xs text-neutral-600 dark:text-neutral-300">
            Time zone: {timeZone}. The article goes live at this time on its own.
          </p>
          {fieldError('publishAt')}
        </fieldset>
      ) : null}

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="intent" value="save" disabled={pending || !hydrated} className="rounded border border-black/30 bg-white px-4 py-2 font-semibold text-neutral-900 disabled:opacity-60 dark:border-white/30">
          {isLive ? 'Update' : 'Save draft'}
        </button>
        {canPublish && !isLive ? (
          <button type="submit" name="intent" value="publish" disabled={pending || !hydrated} className="rounded bg-red-800 px-4 py-2 font-semibold text-white disabled:opacity-60">
            {isScheduled ? 'Publish now' : 'Publish'}
          </button>
        ) : null}
        {canPublish && (isLive || isScheduled) ? (
          <button type="submit" name="intent" value="unpublish" disabled={pending || !hydrated} className="rounded border border-red-800 px-4 py-2 font-semibold text-red-800 disabled:opacity-60 dark:text-red-300">
            {isScheduled ? 'Unschedule' : 'Unpublish'}
          </button>
        ) : null}
        {!canPublish && saved?.status !== 'IN_REVIEW' ? (
          <button type="submit" name="intent" value="submit" disabled={pending || !hydrated} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white disabled:opacity-60">
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
        {state.message ? (
          <p role={state.ok ? 'status' : 'alert'} className={state.ok ? 'rounded bg-green-50 p-3 text-green-900' : 'rounded bg-red-50 p-3 text-red-900'}>
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
