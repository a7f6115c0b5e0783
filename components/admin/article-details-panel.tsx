'use client';

import { startTransition, useActionState, useRef, useState, type FormEvent } from 'react';
import type { SaveDetailsState } from '@/lib/action-states';
import type { ActionState } from '@/lib/actions';
import type { ArticleDetailsSnapshot } from '@/lib/articles/details';
import { SEO_DESCRIPTION_HINT, SEO_TITLE_HINT } from '@/lib/validation/articles';
import { OrderedListField } from './ordered-list-field';

type Item = { id: string; label: string };

export type ArticleDetailsInitial = {
  id: string;
  title: string;
  standfirst: string;
  /** The public URL readers will use, for the search preview. */
  url: string;
  /** The details version these values are, sent back with a save so a colleague's newer save is never overwritten. */
  detailsVersion: number;
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
 * Saved on its own, with its own version (never the text's): a save refused because a
 * colleague saved the details first shows their values beside these, to use or overwrite.
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
  action: (prev: SaveDetailsState, form: FormData) => Promise<SaveDetailsState>;
  searchRelated: (articleId: string, q: string) => Promise<ActionState<{ id: string; title: string }[]>>;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  // The details version this panel's values were loaded from (or last saved as).
  const [baseVersion, setBaseVersion] = useState(initial.detailsVersion);
  // A colleague's newer details, when a save was refused: shown beside these until the user decides.
  const [conflict, setConflict] = useState<ArticleDetailsSnapshot | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; message: string } | null>(null);
  const [state, formAction, pending] = useActionState(async (prev: SaveDetailsState, form: FormData): Promise<SaveDetailsState> => {
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
  }, { ok: false });
  const [authors, setAuthors] = useState<Item[]>(initial.authors);
  const [addAuthor, setAddAuthor] = useState('');
  const [related, setRelated] = useState<Item[]>(initial.related);
  const [commentsOpen, setCommentsOpen] = useState(initial.commentsOpen);
  const [seo, setSeo] = useState({ seoTitle: initial.seoTitle, seoDescription: initial.seoDescription, canonicalUrl: initial.canonicalUrl, socialImageId: initial.socialImageId });
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ id: string; title: string }[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);

  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const shown = notice ?? (state.message ? { ok: state.ok, message: state.message } : null);
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
      <form ref={formRef} onSubmit={onSubmit} aria-label="Article details" className="mt-4 space-y-6" noValidate>
        <input type="hidden" name="articleId" value={initial.id} />
        <input type="hidden" name="detailsVersion" value={baseVersion} />

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

        <button type="submit" disabled={pending || !!conflict} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white disabled:opacity-60 dark:bg-white dark:text-neutral-900">
          {pending ? 'Saving details…' : 'Save details'}
        </button>
        <div aria-live="polite">
          {shown ? (
            <p role={shown.ok ? 'status' : 'alert'} className={shown.ok ? 'rounded bg-green-50 p-2 text-sm text-green-900' : 'rounded bg-red-50 p-2 text-sm text-red-900'}>
              {shown.message}
            </p>
          ) : null}
        </div>

        {conflict ? (
          <section aria-labelledby="details-conflict-heading" className="rounded border-2 border-amber-700 p-4">
            <h3 id="details-conflict-heading" className="text-lg font-bold">
              Compare details before saving
            </h3>
            <p className="mt-1 text-sm">Nothing has been overwritten. Use their details (yours are set aside) or keep yours (saved on top of theirs).</p>
            <div className="mt-3 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Their saved details beside yours</caption>
                <thead>
                  <tr>
                    <td />
                    <th scope="col" className="py-1 pr-3">
                      Theirs{conflict.changedBy ? ` (saved by ${conflict.changedBy})` : ''}
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      Yours (not saved)
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {compareRows(conflict, { authors, related, commentsOpen, ...seo }, media, canPinRelated).map((row) => (
                    <tr key={row.label} className={`border-t border-black/10 align-top dark:border-white/15 ${row.differs ? 'font-semibold' : ''}`}>
                      <th scope="row" className="py-1 pr-3">
                        {row.label}
                        {row.differs ? <span className="sr-only"> (different)</span> : null}
                      </th>
                      <td className="py-1 pr-3 break-words">{row.theirs}</td>
                      <td className="py-1 pr-3 break-words">{row.mine}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="mt-4 flex flex-wrap gap-3">
              <button type="button" onClick={takeTheirs} disabled={pending} className="rounded border border-neutral-900 px-4 py-2 font-semibold disabled:opacity-60 dark:border-white">
                Use their details
              </button>
              <button type="button" onClick={keepMine} disabled={pending} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white disabled:opacity-60 dark:bg-white dark:text-neutral-900">
                Keep my details
              </button>
            </div>
          </section>
        ) : null}
      </form>
    </section>
  );
}

type DetailsValues = Pick<ArticleDetailsSnapshot, 'authors' | 'related' | 'commentsOpen' | 'seoTitle' | 'seoDescription' | 'canonicalUrl' | 'socialImageId'>;

/** The conflict table's rows: each field as their save has it and as this panel has it. */
function compareRows(theirs: DetailsValues, mine: DetailsValues, media: { id: string; label: string }[], withRelated: boolean) {
  const list = (items: Item[]) => items.map((i) => i.label).join(', ') || '—';
  const text = (v: string) => v.trim() || '—';
  const image = (id: string) => (id ? (media.find((m) => m.id === id)?.label ?? 'An image not in the list') : 'None');
  const rows = [
    { label: 'Byline', theirs: list(theirs.authors), mine: list(mine.authors) },
    { label: 'Comments', theirs: theirs.commentsOpen ? 'Open' : 'Closed', mine: mine.commentsOpen ? 'Open' : 'Closed' },
    { label: 'SEO headline', theirs: text(theirs.seoTitle), mine: text(mine.seoTitle) },
    { label: 'SEO summary', theirs: text(theirs.seoDescription), mine: text(mine.seoDescription) },
    { label: 'Canonical URL', theirs: text(theirs.canonicalUrl), mine: text(mine.canonicalUrl) },
    { label: 'Social image', theirs: image(theirs.socialImageId), mine: image(mine.socialImageId) },
    ...(withRelated ? [{ label: 'Pinned related articles', theirs: list(theirs.related), mine: list(mine.related) }] : []),
  ];
  return rows.map((r) => ({ ...r, differs: r.theirs !== r.mine }));
}
