import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ArticleEditor } from '@/components/admin/article-editor';
import { ArticleSlugPanel } from '@/components/admin/article-slug-panel';
import { bodyDocSchema, docToPlainText } from '@/lib/articles/body';
import { getArticleForEdit } from '@/lib/articles/mutations';
import { hasRole } from '@/lib/auth/roles';
import { requirePageRole } from '@/lib/auth/session';
import { listSections } from '@/lib/sections';
import { site } from '@/lib/site';
import { dateToZonedWallTime } from '@/lib/time-zone';
import { saveArticleAction } from '../../actions';
import { changeSlugAction } from '../../sections/actions';

export const metadata = { title: 'Edit article' };

const SAVED_MESSAGES = {
  schedule: 'Scheduled.',
  save: 'Draft saved.',
  publish: 'Published. The article is live.',
  submit: 'Submitted for review. An editor will take it from here.',
} as const;
const savedSchema = z.enum(['save', 'publish', 'submit', 'schedule']).optional().catch(undefined);

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditArticlePage({ params, searchParams }: Props) {
  const { id } = await params;
  const saved = savedSchema.parse((await searchParams).saved);
  const user = await requirePageRole('CONTRIBUTOR', `/admin/articles/${id}`);
  const [article, sections] = await Promise.all([getArticleForEdit(id, user), listSections()]);
  if (!article) notFound();
  const doc = bodyDocSchema.safeParse(article.bodyJson);
  // The same rule as lib/articles/slug: editors on any article, writers on their own drafts.
  const canChangeSlug = hasRole(user.role, 'EDITOR') || ['DRAFT', 'IN_REVIEW'].includes(article.status);
  return (
    <>
      <h1 className="text-2xl font-bold">Edit article</h1>
      <ArticleEditor
        sections={sections}
        canPublish={hasRole(user.role, 'EDITOR')}
        action={saveArticleAction}
        timeZone={site.timeZone}
        initialMessage={saved ? SAVED_MESSAGES[saved] : undefined}
        initial={{
          id: article.id,
          slug: article.slug,
          version: article.version,
          status: article.status,
          title: article.title,
          standfirst: article.standfirst,
          body: doc.success ? docToPlainText(doc.data) : '',
          sectionId: article.sectionId ?? '',
          tags: article.tags.map((t) => t.tag.name).join(', '),
          publishAt: article.scheduledAt ? dateToZonedWallTime(article.scheduledAt, site.timeZone) : '',
        }}
      />
      {canChangeSlug ? <ArticleSlugPanel articleId={article.id} slug={article.slug} action={changeSlugAction} /> : null}
    </>
  );
}
