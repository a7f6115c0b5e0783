'use client';

import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EDITOR_KINDS, type EditorKind } from './kinds';
import type { Notice, SavedArticle } from './types';

/**
 * The buttons that save the article and move it through its workflow, by role and status:
 * Save draft / Update, Publish (now), Unpublish / Unschedule, Submit for review, View article.
 */
export function PublishBar({
  saved,
  canPublish,
  lockedForWriter,
  busy,
  shown,
  kind = 'article',
}: {
  saved: SavedArticle | null;
  canPublish: boolean;
  lockedForWriter: boolean;
  busy: boolean;
  shown: Notice | null;
  kind?: EditorKind;
}) {
  const { noun, publicPath } = EDITOR_KINDS[kind];
  const isLive = saved?.status === 'PUBLISHED';
  const isScheduled = saved?.status === 'SCHEDULED';
  return (
    <div className="space-y-3">
      {lockedForWriter ? (
        <Alert tone="warning" role="note">
          This {noun} is {isLive ? 'published' : 'scheduled'}, so only an editor can change it now. Ask an editor for any correction; your changes here are not saved.
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        {canPublish && !isLive ? (
          <Button type="submit" name="intent" value="publish" variant="primary" disabled={busy}>
            {isScheduled ? 'Publish now' : 'Publish'}
          </Button>
        ) : null}
        {!canPublish && !lockedForWriter && saved?.status !== 'IN_REVIEW' ? (
          <Button type="submit" name="intent" value="submit" variant="primary" disabled={busy}>
            Submit for review
          </Button>
        ) : null}
        {lockedForWriter ? null : (
          <Button type="submit" name="intent" value="save" disabled={busy}>
            {isLive ? 'Update' : 'Save draft'}
          </Button>
        )}
        {canPublish && (isLive || isScheduled) ? (
          <Button type="submit" name="intent" value="unpublish" variant="danger" disabled={busy}>
            {isScheduled ? 'Unschedule' : 'Unpublish'}
          </Button>
        ) : null}
        {isLive && saved ? (
          <Link href={publicPath(saved.slug)} className="px-2 text-sm font-semibold text-accent underline">
            View {noun}
          </Link>
        ) : null}
      </div>
      <div aria-live="polite">{shown ? <Alert tone={shown.ok ? 'success' : 'danger'}>{shown.message}</Alert> : null}</div>
    </div>
  );
}
