import { ArticleEditor } from '@/components/admin/article-editor';
import { MediaActionsProvider } from '@/components/media/media-actions';
import { hasRole } from '@/lib/auth/roles';
import { requirePageRole } from '@/lib/auth/session';
import { listSections } from '@/lib/sections';
import { env } from '@/lib/env';
import { getSite } from '@/lib/site';
import { getArticleSnapshotAction, saveArticleAction } from '../actions';
import { describeMediaAction } from '../../media/actions';

export const metadata = { title: 'New article' };

export default async function NewArticlePage() {
  const user = await requirePageRole('CONTRIBUTOR', '/admin/articles/new');
  const [sections, site] = await Promise.all([listSections(), getSite()]);
  return (
    <MediaActionsProvider describe={describeMediaAction}>
      <h1 className="text-2xl font-bold">New article</h1>
      <ArticleEditor sections={sections} canPublish={hasRole(user.role, 'EDITOR')} action={saveArticleAction}
        loadCurrent={getArticleSnapshotAction} timeZone={site.timeZone} mediaMaxMegabytes={env.MEDIA_MAX_UPLOAD_MB} />
    </MediaActionsProvider>
  );
}
