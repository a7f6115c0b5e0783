import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ArticleEditor } from '@/components/admin/article-editor';
import { MediaActionsProvider } from '@/components/media/media-actions';
import { ArticleAccessRefused } from '@/components/admin/article-access-refused';
import { ArticleArchivePanel } from '@/components/admin/article-archive-panel';
import { ArticleCorrectionsPanel } from '@/components/admin/article-corrections-panel';
import { LiveCoveragePanel } from '@/components/admin/live-coverage-panel';
import { ArticleDetailsPanel } from '@/components/admin/article-details-panel';
import { ArticlePreviewPanel } from '@/components/admin/article-preview-panel';
import { ArticleSlugPanel } from '@/components/admin/article-slug-panel';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { bodyDocSchema } from '@/lib/articles/body';
import { getArticleDetailsForEdit } from '@/lib/articles/details';
import { getArticleForEdit } from '@/lib/articles/mutations';
import { articlePath } from '@/lib/articles/urls';
import { listCorrectionsForEditor } from '@/lib/corrections';
import { listLiveUpdatesForEditor } from '@/lib/live-coverage';
import { getMedia } from '@/lib/media';
import { getPlanForArticle } from '@/lib/planning';
import { hasRole } from '@/lib/auth/roles';
import { requirePageRole } from '@/lib/auth/session';
import { listSections } from '@/lib/sections';
import { absoluteUrl } from '@/lib/seo';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { getSite } from '@/lib/site';
import { dateToZonedWallTime } from '@/lib/time-zone';
import {
  archiveOrRestoreArticleAction,
  changeSlugAction,
  deleteArticleAction,
  createPreviewLinkAction,
  getArticleSnapshotAction,
  saveArticleAction,
  saveArticleDetailsAction,
  searchRelatedArticlesAction,
} from '../actions';
import { describeMediaAction } from '../../media/actions';
import { addNoteAction, listNotesAction, replyToNoteAction, resolveNoteAction } from '../note-actions';
import { addCorrectionAction, withdrawCorrectionAction } from '../correction-actions';
import { deleteLiveUpdateAction, editLiveUpdateAction, postLiveUpdateAction, setLiveCoverageAction } from '../live-actions';

export const metadata = { title: 'Edit article' };

const SAVED_MESSAGES = {
  schedule: 'Scheduled.',
  restore: 'Revision restored as a new version.',
  save: 'Draft saved.',
  publish: 'Published. The article is live.',
  submit: 'Submitted for review. An editor will take it from here.',
  archive: 'Archived. The article is no longer on the site.',
  unarchive: 'Restored from the archive as a draft.',
} as const;
const savedSchema = z.enum(['save', 'publish', 'submit', 'schedule', 'restore', 'archive', 'unarchive']).optional().catch(undefined);

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditArticlePage({ params, searchParams }: Props) {
  const { id } = await params;
  const saved = savedSchema.parse((await searchParams).saved);
  const user = await requirePageRole('CONTRIBUTOR', `/admin/articles/${id}`);
  const loaded = await Promise.all([getArticleForEdit(id, user), listSections(), getArticleDetailsForEdit(id, user), getSite()]).catch((e: unknown) => {
    // Someone else's article: say so, instead of the generic error page an uncaught error gives.
    if (e instanceof AppError && e.code === 'forbidden') return e;
    throw e;
  });
  if (loaded instanceof AppError) return <ArticleAccessRefused reason={loaded.message} />;
  const [article, sections, details, site] = loaded;
  if (!article || !details) notFound();
  const isEditor = hasRole(user.role, 'EDITOR');
  const doc = bodyDocSchema.safeParse(article.bodyJson);
  const canRunLive = isEditor || (hasRole(user.role, 'AUTHOR') && article.authors.some((a) => a.userId === user.id));
  const [hero, corrections, live, plan] = await Promise.all([
    getMedia(article.heroImageId ?? ''),
    isEditor ? listCorrectionsForEditor(article.id, user) : null,
    canRunLive ? listLiveUpdatesForEditor(article.id, user) : null,
    getPlanForArticle(article.id, user),
  ]);
  // The same rule as lib/articles/slug: editors on any article, writers on their own drafts.
  const canChangeSlug = hasRole(user.role, 'EDITOR') || ['DRAFT', 'IN_REVIEW'].includes(article.status);
  return (
    <MediaActionsProvider describe={describeMediaAction}>
      <PageHeader
        breadcrumb={[{ label: 'Articles', href: '/admin/articles' }]}
        title="Edit article"
        actions={
          <>
            {plan ? <ButtonLink href={`/admin/planning/${plan.id}`}>Plan</ButtonLink> : null}
            <ButtonLink href={`/admin/articles/${article.id}/revisions`}>Revisions</ButtonLink>
          </>
        }
      />
      <ArticleEditor
        sections={sections}
        canPublish={hasRole(user.role, 'EDITOR')}
        action={saveArticleAction}
        loadCurrent={getArticleSnapshotAction}
        timeZone={site.timeZone}
        mediaMaxMegabytes={env.MEDIA_MAX_UPLOAD_MB}
        initialMessage={saved ? SAVED_MESSAGES[saved] : undefined}
        coeditor={process.env.BROADSHEET_COLLAB === 'off' ? undefined : { id: user.id, name: user.name }}
        notes={{ list: listNotesAction, add: addNoteAction, reply: replyToNoteAction, resolve: resolveNoteAction }}
        initial={{
          id: article.id,
          slug: article.slug,
          version: article.version,
          status: article.status,
          title: article.title,
          standfirst: article.standfirst,
          bodyJson: doc.success ? doc.data : { type: 'doc', content: [] },
          sectionId: article.sectionId ?? '',
          tags: article.tags.map((t) => t.tag.name).join(', '),
          publishAt: article.scheduledAt ? dateToZonedWallTime(article.scheduledAt, site.timeZone) : '',
          updatedAt: article.updatedAt.toISOString(),
          heroImage: hero ? { id: hero.id, alt: hero.alt, caption: hero.caption, credit: hero.credit, thumbnailUrl: hero.thumbnailUrl, filename: hero.filename } : null,
        }}
      />
      {canChangeSlug ? (
        <ArticleDetailsPanel
          // Not keyed by a version: a refresh after any save must not wipe details being typed.
          key={article.id}
          action={saveArticleDetailsAction}
          searchRelated={searchRelatedArticlesAction}
          canPinRelated={isEditor}
          currentUserId={isEditor ? null : user.id}
          siteName={site.name}
          staff={details.staff.map((s) => ({ id: s.id, label: s.name }))}
          media={details.media}
          initial={{
            id: article.id,
            title: details.article.title,
            standfirst: details.article.standfirst,
            url: absoluteUrl(articlePath(article.slug)),
            detailsVersion: details.article.detailsVersion,
            commentsOpen: details.article.commentsOpen,
            seoTitle: details.article.seoTitle ?? '',
            seoDescription: details.article.seoDescription ?? '',
            canonicalUrl: details.article.canonicalUrl ?? '',
            socialImageId: details.article.socialImageId ?? '',
            authors: details.article.authors.map((a) => ({ id: a.id, label: a.name })),
            related: details.article.pinnedRelated.map((r) => ({ id: r.id, label: r.title })),
          }}
        />
      ) : null}
      {live ? (
        <div className="mt-8">
          <LiveCoveragePanel
            articleId={article.id}
            coverage={live.coverage}
            updates={live.updates}
            actions={{ setCoverage: setLiveCoverageAction, post: postLiveUpdateAction, edit: editLiveUpdateAction, remove: deleteLiveUpdateAction }}
          />
        </div>
      ) : null}
      {corrections ? (
        <div className="mt-8">
          <ArticleCorrectionsPanel articleId={article.id} notes={corrections} published={article.status === 'PUBLISHED'} addAction={addCorrectionAction} withdrawAction={withdrawCorrectionAction} />
        </div>
      ) : null}
      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <ArticlePreviewPanel articleId={article.id} action={createPreviewLinkAction} />
        {canChangeSlug ? <ArticleSlugPanel articleId={article.id} slug={article.slug} action={changeSlugAction} /> : null}
        {isEditor ? <ArticleArchivePanel articleId={article.id} archived={article.status === 'ARCHIVED'} action={archiveOrRestoreArticleAction} deleteAction={deleteArticleAction} /> : null}
      </div>
    </MediaActionsProvider>
  );
}
