'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import type { ActionState } from '@/lib/actions';
import { SEO_DESCRIPTION_HINT, SEO_TITLE_HINT } from '@/lib/validation/articles';
import { OrderedListField } from './ordered-list-field';

type Item = { id: string; label: string };

export type ArticleDetailsInitial = {
  id: string;
  title: string;
  standfirst: string;
  /** The public URL readers will use, for the search preview. */
  url: string;
  commentsOpen: boolean;
  seoTitle: string;
  seoDescription: string;
  canonicalUrl: string;
  socialImageId: string;
  authors: Item[];
  related: Item[];
};

const inputClass = 'mt-1 w-full rounded border border-black/30 bg-white px-3 py-2 text-neutral-900 aria-[invalid=true]:border-red-700 dark:border-white/30 dark:bg-neutral-900 dark:text-neutral-100';
const smallBtn = 'rounded border border-black/30 px-3 py-1 text-sm font-semibold disabled:opacity-50 dark:border-white/30';

/** "12 / ~60 characters", turning amber past the hint: search engines cut longer text. */
function LengthHint({ id, length, hint, what }: { id: string; length: number; hint: number; what: string }) {
  const over = length > hint;
  return (
    <p id={id} className={`mt-1 text-xs ${over ? 'font-semibold text-amber-800 dark:text-amber-300' : 'text-neutral-600 dark:text-neutral-300'}`}>
      {length} / ~{hint} characters{over ? ` — ${what} may be cut off in search results` : ''}. Used as the page’s meta {what === 'the title' ? 'title' : 'description'}; empty uses the article’s {what === 'the title' ? 'headline' : 'standfirst'}.
    </p>
  );
}

/**
 * The article's "Details" panel: byline (ordered), comments switch, SEO fields with live
 * search-result and social-card previews, and (for editors) pinned related articles.
 * Saved on its own, without touching the text or its version.
 */
export function ArticleDetailsPanel({
  initial,
  staff,
  media,
  canPinRelated,
  currentUserId,
  siteName,
  action,
  searchRelated,
}: {
  initial: ArticleDetailsInitial;
  staff: Item[];
  media: { id: string; label: string; url: string }[];
  canPinRelated: boolean;
  /** Writers cannot take themselves out of the byline. */
  currentUserId: string | null;
  siteName: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  searchRelated: (articleId: string, q: string) => Promise<ActionState<{ id: string; title: string }[]>>;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const [authors, setAuthors] = useState<Item[]>(initial.authors);
  const [addAuthor, setAddAuthor] = useState('');
  const [related, setRelated] = useState<Item[]>(initial.related);
  const [commentsOpen, setCommentsOpen] = useState(initial.commentsOpen);
  const [seo, setSeo] = useState({ seoTitle: initial.seoTitle, seoDescription: initial.seoDescription, canonicalUrl: initial.canonicalUrl, socialImageId: initial.socialImageId });
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ id: string; title: string }[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);

  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const set = (k: keyof typeof seo) => (e: { target: { value: string } }) => setSeo((s) => ({ ...s, [k]: e.target.value }));
  const shownTitle = seo.seoTitle.trim() || initial.title;
  const shownDescription = seo.seoDescription.trim() || initial.standfirst;
  const image = media.find((m) => m.id === seo.socialImageId);
  const available = staff.filter((s) => !authors.some((a) => a.id === s.id));

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => formAction(data));
  }

  async function search() {
    setSearchError(null);
    try {
      const r = await searchRelated(initial.id, query);
      if (r.ok && r.data) setResults(r.data);
      else setSearchError(r.message ?? 'The search failed. Try again.');
    } catch {
      setSearchError('The server could not be reached. Try again.');
    }
  }

  const error = (k: string) =>
    errors[k]?.[0] ? (
      <p id={`details-${k}-error`} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
        {errors[k]![0]}
      </p>
    ) : null;

  return (
    <section aria-labelledby="details-panel" className="mt-10 rounded border border-black/10 bg-white p-5 dark:border-white/15 dark:bg-neutral-900">
      <h2 id="details-panel" className="text-lg font-semibold">
        Details
      </h2>
      <p className="mt-1 text-sm">Byline, comments, search and social appearance{canPinRelated ? ', related articles' : ''}. Saved separately from the text.</p>
      <form onSubmit={onSubmit} aria-label="Article details" className="mt-4 space-y-6" noValidate>
        <input type="hidden" name="articleId" value={initial.id} />

        <fieldset>
          <legend className="font-semibold">Byline</legend>
          <OrderedListField
            name="authorIds"
            label="Byline order"
            items={authors}
            onChange={setAuthors}
            canRemove={(id) => id !== currentUserId && authors.length > 1}
            removeHint={currentUserId ? 'You stay in the byline of your own article; an editor can hand it over.' : undefined}
          />
          <div className="mt-2 flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor="details-add-author" className="block text-sm font-semibold">
                Add an author
              </label>
              <select id="details-add-author" value={addAuthor} onChange={(e) => setAddAuthor(e.target.value)} className={inputClass}>
                <option value="">Choose a person…</option>
                {available.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className={smallBtn}
              disabled={!addAuthor}
              onClick={() => {
                const person = staff.find((s) => s.id === addAuthor);
                if (person) setAuthors((a) => [...a, person]);
                setAddAuthor('');
              }}
            >
              Add to byline
            </button>
          </div>
          {error('authorIds')}
        </fieldset>

        <div className="flex items-center gap-2">
          <input id="details-comments-open" type="checkbox" name="commentsOpen" checked={commentsOpen} onChange={(e) => setCommentsOpen(e.target.checked)} className="h-4 w-4" />
          <label htmlFor="details-comments-open" className="font-semibold">
            Comments open
          </label>
        </div>

        <fieldset className="space-y-4">
          <legend className="font-semibold">Search and social</legend>
          <div>
            <label htmlFor="details-seo-title" className="block text-sm font-semibold">
              SEO headline
            </label>
            <input id="details-seo-title" name="seoTitle" value={seo.seoTitle} onChange={set('seoTitle')} maxLength={120} placeholder={initial.title} aria-describedby="details-seo-title-hint" aria-invalid={!!errors.seoTitle} className={inputClass} />
            <LengthHint id="details-seo-title-hint" length={seo.seoTitle.length} hint={SEO_TITLE_HINT} what="the title" />
            {error('seoTitle')}
          </div>
          <div>
            <label htmlFor="details-seo-description" className="block text-sm font-semibold">
              SEO summary
            </label>
            <textarea id="details-seo-description" name="seoDescription" rows={3} value={seo.seoDescription} onChange={set('seoDescription')} maxLength={320} placeholder={initial.standfirst} aria-describedby="details-seo-description-hint" aria-invalid={!!errors.seoDescription} className={inputClass} />
            <LengthHint id="details-seo-description-hint" length={seo.seoDescription.length} hint={SEO_DESCRIPTION_HINT} what="the description" />
            {error('seoDescription')}
          </div>
          <div>
            <label htmlFor="details-canonical" className="block text-sm font-semibold">
              Canonical URL
            </label>
            <input id="details-canonical" name="canonicalUrl" type="url" value={seo.canonicalUrl} onChange={set('canonicalUrl')} placeholder={initial.url} aria-describedby={errors.canonicalUrl ? 'details-canonical-hint details-canonicalUrl-error' : 'details-canonical-hint'} aria-invalid={!!errors.canonicalUrl} className={inputClass} />
            <p id="details-canonical-hint" className="mt-1 text-xs text-neutral-600 dark:text-neutral-300">
              Only for a story first published elsewhere; leave empty to use this article’s own address.
            </p>
            {error('canonicalUrl')}
          </div>
          <div>
            <label htmlFor="details-social-image" className="block text-sm font-semibold">
              Social image
            </label>
            <select id="details-social-image" name="socialImageId" value={seo.socialImageId} onChange={set('socialImageId')} aria-invalid={!!errors.socialImageId} className={inputClass}>
              <option value="">None</option>
              {media.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
            {media.length === 0 ? <p className="mt-1 text-xs text-neutral-600 dark:text-neutral-300">No images uploaded yet.</p> : null}
            {error('socialImageId')}
          </div>

          <div className="grid gap-4 md:grid-cols-2">
            <figure aria-label="Search result preview" className="rounded border border-black/15 p-3 dark:border-white/20">
              <figcaption className="text-xs font-semibold uppercase text-neutral-600 dark:text-neutral-300">Search result preview</figcaption>
              <p className="mt-2 truncate text-xs text-neutral-700 dark:text-neutral-300">{seo.canonicalUrl.trim() || initial.url}</p>
              <p className="text-lg leading-snug text-blue-800 dark:text-blue-300">{shownTitle.length > SEO_TITLE_HINT ? `${shownTitle.slice(0, SEO_TITLE_HINT - 1)}…` : shownTitle}</p>
              <p className="text-sm text-neutral-800 dark:text-neutral-200">{shownDescription.length > SEO_DESCRIPTION_HINT ? `${shownDescription.slice(0, SEO_DESCRIPTION_HINT - 1)}…` : shownDescription || 'No description: search engines will pick text from the page.'}</p>
            </figure>
            <figure aria-label="Social card preview" className="overflow-hidden rounded border border-black/15 dark:border-white/20">
              {image ? (
                // eslint-disable-next-line @next/next/no-img-element -- a preview of an uploaded file, any size
                <img src={image.url} alt="" className="aspect-[1.91/1] w-full bg-neutral-100 object-cover" />
              ) : (
                <div className="flex aspect-[1.91/1] items-center justify-center bg-neutral-100 text-xs text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300">No social image</div>
              )}
              <figcaption className="p-3">
                <span className="block text-xs uppercase text-neutral-600 dark:text-neutral-300">{siteName}</span>
                <span className="block font-semibold">{shownTitle}</span>
                <span className="line-clamp-2 block text-sm text-neutral-700 dark:text-neutral-300">{shownDescription}</span>
              </figcaption>
            </figure>
          </div>
        </fieldset>

        {canPinRelated ? (
          <fieldset>
            <legend className="font-semibold">Pinned related articles</legend>
            <p className="text-sm">Shown first under “Related news”, in this order; the rest are chosen by shared tags and section.</p>
            <OrderedListField name="relatedIds" label="Pinned related articles" items={related} onChange={setRelated} />
            <div className="mt-2 flex flex-wrap items-end gap-2">
              <div className="grow">
                <label htmlFor="details-related-search" className="block text-sm font-semibold">
                  Find published articles
                </label>
                <input
                  id="details-related-search"
                  type="search"
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      void search();
                    }
                  }}
                  className={inputClass}
                />
              </div>
              <button type="button" className={smallBtn} onClick={() => void search()} disabled={!query.trim()}>
                Search articles
              </button>
            </div>
            <div aria-live="polite">
              {searchError ? <p role="alert" className="mt-1 text-sm text-red-800">{searchError}</p> : null}
              {results ? (
                results.length ? (
                  <ul aria-label="Search results" className="mt-2 space-y-1 text-sm">
                    {results.map((r) => (
                      <li key={r.id} className="flex items-center gap-2">
                        <span className="mr-auto">{r.title}</span>
                        <button type="button" className={smallBtn} disabled={related.some((x) => x.id === r.id) || related.length >= 6} onClick={() => setRelated((x) => [...x, { id: r.id, label: r.title }])} aria-label={`Pin ${r.title}`}>
                          Pin
                        </button>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-2 text-sm">No published articles match.</p>
                )
              ) : null}
            </div>
            {error('relatedIds')}
          </fieldset>
        ) : (
          related.map((r) => <input key={r.id} type="hidden" name="relatedIds" value={r.id} />)
        )}

        <button type="submit" disabled={pending} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white disabled:opacity-60 dark:bg-white dark:text-neutral-900">
          {pending ? 'Saving details…' : 'Save details'}
        </button>
        <div aria-live="polite">
          {state.message ? (
            <p role={state.ok ? 'status' : 'alert'} className={state.ok ? 'rounded bg-green-50 p-2 text-sm text-green-900' : 'rounded bg-red-50 p-2 text-sm text-red-900'}>
              {state.message}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
