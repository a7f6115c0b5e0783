import { ArticleEditor } from '@/components/admin/article-editor';
import { MediaActionsProvider } from '@/components/media/media-actions';
import { PageHeader } from '@/components/ui/page-header';
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
      <PageHeader breadcrumb={[{ label: 'Articles', href: '/admin/articles' }]} title="New article" description="Drafts save themselves once they have a title." />
      <ArticleEditor
        sections={sections}
        canPublish={hasRole(user.role, 'EDITOR')}
        action={saveArticleAction}
        loadCurrent={getArticleSnapshotAction}
        timeZone={site.timeZone}
        mediaMaxMegabytes={env.MEDIA_MAX_UPLOAD_MB}
      />
    </MediaActionsProvider>
  );
}
