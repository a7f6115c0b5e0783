'use client';

import { useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Panel } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import type { SaveDetailsState } from '@/lib/action-states';
import type { ActionState } from '@/lib/actions';
import { BylineField } from './details/byline-field';
import { DetailsConflict } from './details/details-conflict';
import { RelatedPicker } from './details/related-picker';
import { SeoFields } from './details/seo-fields';
import { SeoPreviews } from './details/seo-previews';
import type { ArticleDetailsInitial, Item, MediaOption } from './details/types';
import { useDetailsForm } from './details/use-details-form';

export type { ArticleDetailsInitial } from './details/types';

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
  media: MediaOption[];
  canPinRelated: boolean;
  /** Writers cannot take themselves out of the byline. */
  currentUserId: string | null;
  siteName: string;
  action: (prev: SaveDetailsState, form: FormData) => Promise<SaveDetailsState>;
  searchRelated: (articleId: string, q: string) => Promise<ActionState<{ id: string; title: string }[]>>;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const form = useDetailsForm({ initial, canPinRelated, formRef, action });
  const { values } = form;
  const shownTitle = values.seoTitle.trim() || initial.title;
  const shownDescription = values.seoDescription.trim() || initial.standfirst;

  return (
    <Panel
      id="details-panel"
      title="Details"
      description={`Byline, comments, search and social appearance${canPinRelated ? ', related articles' : ''}. Saved separately from the text.`}
      className="mt-8"
    >
      <form ref={formRef} onSubmit={form.onSubmit} aria-label="Article details" className="space-y-6" noValidate>
        <input type="hidden" name="articleId" value={initial.id} />
        <input type="hidden" name="detailsVersion" value={form.baseVersion} />
        <div className="grid gap-6 lg:grid-cols-2">
          <div className="space-y-6">
            <BylineField authors={values.authors} onChange={form.setAuthors} staff={staff} currentUserId={currentUserId} error={form.error('authorIds')} />
            <Checkbox id="details-comments-open" name="commentsOpen" checked={values.commentsOpen} onChange={(e) => form.setCommentsOpen(e.target.checked)} label={<strong>Comments open</strong>} />
            {canPinRelated ? (
              <RelatedPicker articleId={initial.id} related={values.related} onChange={form.setRelated} search={searchRelated} error={form.error('relatedIds')} />
            ) : (
              values.related.map((r) => <input key={r.id} type="hidden" name="relatedIds" value={r.id} />)
            )}
          </div>
          <fieldset className="space-y-4">
            <legend className="text-sm font-semibold">Search and social</legend>
            <SeoFields values={values} onChange={form.setSeoField} placeholders={{ title: initial.title, standfirst: initial.standfirst, url: initial.url }} media={media} error={form.error} />
          </fieldset>
        </div>
        <SeoPreviews
          url={values.canonicalUrl.trim() || initial.url}
          title={shownTitle}
          description={shownDescription}
          imageUrl={media.find((m) => m.id === values.socialImageId)?.url}
          siteName={siteName}
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary" disabled={form.pending || !!form.conflict}>
            {form.pending ? 'Saving details…' : 'Save details'}
          </Button>
        </div>
        <div aria-live="polite">{form.shown ? <Alert tone={form.shown.ok ? 'success' : 'danger'}>{form.shown.message}</Alert> : null}</div>
        {form.conflict ? (
          <DetailsConflict theirs={form.conflict} mine={values} media={media} withRelated={canPinRelated} pending={form.pending} onTakeTheirs={form.takeTheirs} onKeepMine={form.keepMine} />
        ) : null}
      </form>
    </Panel>
  );
}
