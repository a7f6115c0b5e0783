import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { AdSlot } from '@/components/ads/ad-slot';
import { HeroImage } from '@/components/articles/hero-image';
import { ArticleList } from '@/components/articles/article-list';
import { CommentForm } from '@/components/comments/comment-form';
import { CommentThread } from '@/components/comments/comment-thread';
import { listActiveAdSlots, type LiveAdSlot } from '@/lib/ads';
import { interleaveAds } from '@/lib/ads/placement';
import { bodyDocSchema, renderDocBlocks } from '@/lib/articles/body';
import { getPublishedArticleBySlug, listLatestArticles, listRelatedArticles, type PublicArticle } from '@/lib/articles/queries';
import { articlePath, authorPath, sectionPath, tagPath } from '@/lib/articles/urls';
import { commentsAreOpen, issueCommentFormToken, listApprovedComments } from '@/lib/comments';
import { getCommentSettings } from '@/lib/settings/comments';
import { absoluteUrl, breadcrumbJsonLd, newsArticleJsonLd, serializeJsonLd } from '@/lib/seo';
import { formatDateTime, site } from '@/lib/site';
import { postCommentAction, reportCommentAction } from './actions';
import { findRedirect } from '@/lib/redirects';
import { getArticleImage, getBodyImages, type MediaItem } from '@/lib/media';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getPublishedArticleBySlug((await params).slug);
  if (!article) return { title: 'Article not found' };
  const title = article.seoTitle || article.title;
  const description = article.seoDescription || article.standfirst;
  const url = canonicalOf(article);
  const social = socialCard((await getArticleImage(article.socialImageId)) ?? (await getArticleImage(article.heroImageId)));
  return {
    title,
    description,
    alternates: { canonical: url, types: { 'application/rss+xml': absoluteUrl('/rss.xml') } },
    openGraph: {
      type: 'article',
      url,
      title,
      description,
      siteName: site.name,
      locale: site.locale.replace('-', '_'),
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      authors: article.authors.map((a) => absoluteUrl(authorPath(a.slug))),
      section: article.section?.name,
      tags: article.tags.map((t) => t.name),
      ...(social ? { images: [social] } : {}),
    },
    twitter: social ? { card: 'summary_large_image', title, description, images: [{ url: social.url, alt: social.alt }] } : { card: 'summary', title, description },
  };
}

/** The focal-point social crop (1200×630) as an absolute URL, for og:image, twitter:image and JSON-LD. */
function socialCard(image: MediaItem | null): { url: string; width: number; height: number; alt: string } | null {
  const crop = image?.crops.social;
  if (!image || !crop) return null;
  return { url: absoluteUrl(crop.url), width: crop.width, height: crop.height, alt: image.alt };
}

/** The editor's canonical URL when set (syndicated copies), else this page. */
function canonicalOf(article: PublicArticle): string {
  return article.canonicalUrl || absoluteUrl(articlePath(article.slug));
}

/** The body's blocks as sanitised HTML; a body that no longer validates falls back to the stored HTML. */
async function bodyBlocks(article: PublicArticle): Promise<string[]> {
  const doc = bodyDocSchema.safeParse(article.bodyJson);
  return doc.success ? renderDocBlocks(doc.data, await getBodyImages(doc.data)) : [article.bodyHtml];
}

function structuredData(article: PublicArticle, imageUrl: string | null): string {
  const url = absoluteUrl(articlePath(article.slug));
  const home = absoluteUrl('/');
  const crumbs: { name: string; url: string }[] = [{ name: site.name, url: home }];
  if (article.section) crumbs.push({ name: article.section.name, url: absoluteUrl(sectionPath(article.section.slug)) });
  crumbs.push({ name: article.title, url });
  return serializeJsonLd([
    newsArticleJsonLd(
      {
        title: article.title,
        standfirst: article.standfirst,
        url,
        publishedAt: article.publishedAt,
        updatedAt: article.updatedAt,
        authors: article.authors.map((a) => ({ name: a.name, url: absoluteUrl(authorPath(a.slug)) })),
        section: article.section ? { name: article.section.name, url: absoluteUrl(sectionPath(article.section.slug)) } : null,
        imageUrl,
      },
      { name: site.name, url: home },
    ),
    breadcrumbJsonLd(crumbs),
  ]);
}

const byPlacement = (slots: LiveAdSlot[], placement: LiveAdSlot['placement']) => slots.filter((s) => s.placement === placement);

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
  const [latest, related, comments, ads, commentSettings, hero, socialImage, blocks] = await Promise.all([
    listLatestArticles({ take: 5, excludeId: article.id }),
    listRelatedArticles(article, 4),
    listApprovedComments(article.id),
    listActiveAdSlots(),
    getCommentSettings(),
    getArticleImage(article.heroImageId),
    getArticleImage(article.socialImageId),
    bodyBlocks(article),
  ]);
  const open = commentsAreOpen(article, commentSettings);
  // Signed when the form is served: the too-fast spam rule measures from here (lib/comments/form-token).
  const formToken = issueCommentFormToken(article.id);
  const edited = article.updatedAt.getTime() - article.publishedAt.getTime() > 60_000;
  const body = interleaveAds(blocks, byPlacement(ads, 'AFTER_PARAGRAPH'));
  const social = socialCard(socialImage ?? hero);

  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: structuredData(article, social?.url ?? null) }} />
      {byPlacement(ads, 'HEADER').map((slot) => (
        <AdSlot key={slot.id} slot={slot} className="mt-0" />
      ))}
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
            {hero ? <HeroImage image={hero} /> : null}
          </header>

          {/* Runs of body text with in-article ads between them; ads stay outside .article-body and its typography. */}
          <div className="mt-8">
            {body.map((segment, i) =>
              segment.kind === 'html' ? (
                // Each block was sanitised by renderDocBlocks.
                <div key={i} className="article-body" dangerouslySetInnerHTML={{ __html: segment.html }} />
              ) : (
                <AdSlot key={segment.slot.id} slot={segment.slot} />
              ),
            )}
          </div>

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
            <CommentThread comments={comments} articleId={article.id} formToken={formToken} action={postCommentAction} reportAction={reportCommentAction} maxDepth={commentSettings.threadDepth} open={open} />
            {open ? (
              <CommentForm articleId={article.id} formToken={formToken} action={postCommentAction} />
            ) : (
              <p className="mt-6 rounded border border-black/10 p-4 dark:border-white/15">Comments are closed on this article.</p>
            )}
          </section>
        </article>

        <aside>
          {byPlacement(ads, 'SIDEBAR').map((slot) => (
            <AdSlot key={slot.id} slot={slot} className="mt-0" />
          ))}
          <ArticleList title="Latest news" articles={latest} />
          <ArticleList title="Related news" articles={related} />
        </aside>
      </div>
      {byPlacement(ads, 'FOOTER').map((slot) => (
        <AdSlot key={slot.id} slot={slot} />
      ))}
    </>
  );
}
