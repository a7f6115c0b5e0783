import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleList } from '@/components/articles/article-list';
import { CommentForm } from '@/components/comments/comment-form';
import { CommentThread } from '@/components/comments/comment-thread';
import { getPublishedArticleBySlug, listLatestArticles, listRelatedArticles } from '@/lib/articles/queries';
import { authorPath, sectionPath, tagPath } from '@/lib/articles/urls';
import { listApprovedComments } from '@/lib/comments';
import { findRedirect } from '@/lib/redirects';
import { formatDateTime } from '@/lib/site';
import { postCommentAction } from './actions';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getPublishedArticleBySlug((await params).slug);
  if (!article) return { title: 'Article not found' };
  return { title: article.seoTitle || article.title, description: article.seoDescription || article.standfirst };
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const article = await getPublishedArticleBySlug(slug);
  if (!article) {
    // An old slug: a 308 from permanentRedirect (App Router pages cannot send 301). A proxy.ts
    // redirect could send a real 301, but only with a database lookup on every article request;
    // here the lookup happens only when an article is not found.
    const moved = await findRedirect(`/articles/${slug}`);
    if (moved) permanentRedirect(moved.toPath);
    notFound();
  }
  const [latest, related, comments] = await Promise.all([
    listLatestArticles({ take: 5, excludeId: article.id }),
    listRelatedArticles(article, 4),
    listApprovedComments(article.id),
  ]);
  const edited = article.updatedAt.getTime() - article.publishedAt.getTime() > 60_000;

  return (
    <div className="grid gap-12 lg:grid-cols-3">
      <article className="lg:col-span-2">
        <header>
          {article.section ? (
            <p className="text-sm font-bold uppercase tracking-wide text-[var(--color-accent)]">
              <Link href={sectionPath(article.section.slug)}>{article.section.name}</Link>
            </p>
          ) : null}
          <h1 className="mt-2 font-serif text-3xl font-bold leading-tight sm:text-5xl">{article.title}</h1>
          {article.standfirst ? <p className="mt-4 text-xl text-[var(--color-muted)]">{article.standfirst}</p> : null}
          <div className="mt-6 border-y border-black/10 py-3 text-sm dark:border-white/15">
            {article.authors.length ? (
              <p className="font-semibold">
                By{' '}
                {article.authors.map((a, i) => (
                  <span key={a.slug}>
                    {i > 0 ? (i === article.authors.length - 1 ? ' and ' : ', ') : ''}
                    <Link href={authorPath(a.slug)} className="hover:underline">
                      {a.name}
                    </Link>
                  </span>
                ))}
              </p>
            ) : null}
            <p className="text-[var(--color-muted)]">
              <time dateTime={article.publishedAt.toISOString()}>{formatDateTime(article.publishedAt)}</time>
              {edited ? (
                <>
                  {' · Updated '}
                  <time dateTime={article.updatedAt.toISOString()}>{formatDateTime(article.updatedAt)}</time>
                </>
              ) : null}
            </p>
          </div>
        </header>

        <div className="article-body mt-8" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />

        {article.tags.length ? (
          <ul aria-label="Tags" className="mt-8 flex flex-wrap gap-2 text-sm">
            {article.tags.map((t) => (
              <li key={t.id}>
                <Link href={tagPath(t.slug)} className="rounded-full border border-black/20 px-3 py-1 hover:bg-black/5 dark:border-white/25">
                  {t.name}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}

        <section aria-labelledby="comments-heading" className="mt-12">
          <h2 id="comments-heading" className="text-2xl font-bold">
            {comments.length ? `${comments.length} ${comments.length === 1 ? 'comment' : 'comments'}` : 'Comments'}
          </h2>
          <CommentThread comments={comments} />
          {article.commentsOpen ? (
            <CommentForm articleId={article.id} action={postCommentAction} />
          ) : (
            <p className="mt-6 rounded border border-black/10 p-4 dark:border-white/15">Comments are closed on this article.</p>
          )}
        </section>
      </article>

      <aside>
        <ArticleList title="Latest news" articles={latest} />
        <ArticleList title="Related news" articles={related} />
      </aside>
    </div>
  );
}
