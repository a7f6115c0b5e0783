'use client';

import { Button } from '@/components/ui/button';
import type { ArticleDetailsSnapshot } from '@/lib/articles/details';
import { ConflictView, type ConflictRow } from '../conflict-view';
import type { Item } from './types';

type DetailsValues = Pick<ArticleDetailsSnapshot, 'authors' | 'related' | 'commentsOpen' | 'seoTitle' | 'seoDescription' | 'canonicalUrl' | 'socialImageId'>;

/** The rows of the details conflict: each field as their save has it and as this panel has it. */
export function detailsConflictRows(theirs: DetailsValues, mine: DetailsValues, media: { id: string; label: string }[], withRelated: boolean): ConflictRow[] {
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

/** The details' conflict: a colleague's saved details beside these, to use theirs or keep mine. */
export function DetailsConflict({
  theirs,
  mine,
  media,
  withRelated,
  pending,
  onTakeTheirs,
  onKeepMine,
}: {
  theirs: ArticleDetailsSnapshot;
  mine: DetailsValues;
  media: { id: string; label: string }[];
  withRelated: boolean;
  pending: boolean;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}) {
  return (
    <ConflictView
      id="details-conflict-heading"
      headingLevel={3}
      title="Compare details before saving"
      intro="Nothing has been overwritten. Use their details (yours are set aside) or keep yours (saved on top of theirs)."
      theirsLabel={`Theirs${theirs.changedBy ? ` (saved by ${theirs.changedBy})` : ''}`}
      mineLabel="Yours (not saved)"
      rows={detailsConflictRows(theirs, mine, media, withRelated)}
      actions={
        <>
          <Button onClick={onTakeTheirs} disabled={pending}>
            Use their details
          </Button>
          <Button variant="primary" onClick={onKeepMine} disabled={pending}>
            Keep my details
          </Button>
        </>
      }
    />
  );
}
