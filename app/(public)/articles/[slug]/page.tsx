import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { AdSlot } from '@/components/ads/ad-slot';
import { ArticleHeader, ArticleTags } from '@/components/articles/article-header';
import { HeroImage } from '@/components/articles/hero-image';
import { ArticleList } from '@/components/articles/article-list';
import { ArticleCorrections } from '@/components/articles/article-corrections';
import { LiveUpdates } from '@/components/live/live-updates';
import { CommentForm, ReportFormTemplate } from '@/components/comments/comment-form';
import { CommentThread } from '@/components/comments/comment-thread';
import { listActiveAdSlots, type LiveAdSlot } from '@/lib/ads';
import { interleaveAds } from '@/lib/ads/placement';
import { bodyDocSchema, renderDocBlocks } from '@/lib/articles/body';
import { getPublishedArticleBySlug, listLatestArticles, listRelatedArticles, type PublicArticle } from '@/lib/articles/queries';
import { articlePath, authorPath, sectionPath } from '@/lib/articles/urls';
import { articleTags, pageTags, tagPage } from '@/lib/cache';
import { listArticleCorrections, type PublicCorrection } from '@/lib/corrections';
import { listLiveUpdates, type LiveCoverage, type LiveUpdate } from '@/lib/live-coverage';
import { commentsAreOpen, listApprovedComments } from '@/lib/comments';
import { getCommentSettings } from '@/lib/settings/comments';
import { absoluteUrl, breadcrumbJsonLd, liveBlogPostingJsonLd, newsArticleJsonLd, serializeJsonLd } from '@/lib/seo';
import { getSite, site } from '@/lib/site';
import { findRedirect } from '@/lib/redirects';
import { getArticleImage, getBodyImages, type MediaItem } from '@/lib/media';

// Cached and refreshed by tag (lib/cache): when this story, a story it lists, its comments, the
// latest news or the ads change. At most a minute old otherwise (ad windows, dates).
export const revalidate = 60;

// Rendered on first request, then cached (none are built ahead).
export async function generateStaticParams() {
  return [];
}

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

const plainText = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function structuredData(article: PublicArticle, imageUrl: string | null, notes: PublicCorrection[], live: { coverage: LiveCoverage; updates: LiveUpdate[] }): string {
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
        corrections: notes.filter((n) => !n.withdrawnAt && n.kind !== 'UPDATE').map((n) => ({ text: `${n.label}: ${n.note}`, publishedAt: n.createdAt })),
      },
      { name: site.name, url: home },
    ),
    breadcrumbJsonLd(crumbs),
    ...(live.coverage.startedAt
      ? [
          liveBlogPostingJsonLd({
            title: article.title,
            url,
            startedAt: live.coverage.startedAt,
            endedAt: live.coverage.endedAt,
            updates: [...live.updates].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((u) => ({ id: u.id, headline: u.headline, text: plainText(u.html), createdAt: u.createdAt })),
          }),
        ]
      : []),
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
  const [latest, related, comments, ads, commentSettings, hero, socialImage, blocks, corrections, live, siteNow] = await Promise.all([
    listLatestArticles({ take: 5, excludeId: article.id }),
    listRelatedArticles(article, 4),
    listApprovedComments(article.id),
    listActiveAdSlots(),
    getCommentSettings(),
    getArticleImage(article.heroImageId),
    getArticleImage(article.socialImageId),
    bodyBlocks(article),
    listArticleCorrections(article.id),
    listLiveUpdates(article.id),
    getSite(),
  ]);
  await tagPage(pageTags.article(article.id), pageTags.latest, pageTags.ads, ...articleTags(latest), ...articleTags(related));
  const open = commentsAreOpen(article, commentSettings);
  const body = interleaveAds(blocks, byPlacement(ads, 'AFTER_PARAGRAPH'));
  const social = socialCard(socialImage ?? hero);

  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: structuredData(article, social?.url ?? null, corrections, live) }} />
      {byPlacement(ads, 'HEADER').map((slot) => (
        <AdSlot key={slot.id} slot={slot} className="mt-0" />
      ))}
      <div className="grid gap-12 lg:grid-cols-3">
        <article className="lg:col-span-2">
          <ArticleHeader article={article}>{hero ? <HeroImage image={hero} /> : null}</ArticleHeader>
          {live.coverage.startedAt ? <LiveUpdates articleId={article.id} initial={live} timeZone={siteNow.timeZone} /> : null}

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

          <ArticleCorrections notes={corrections} />

          <ArticleTags tags={article.tags} />

          <section aria-labelledby="comments-heading" className="mt-12">
            <h2 id="comments-heading" className="text-2xl font-bold">
              {comments.length ? `${comments.length} ${comments.length === 1 ? 'comment' : 'comments'}` : 'Comments'}
            </h2>
            <CommentThread comments={comments} maxDepth={commentSettings.threadDepth} open={open} />
            {comments.some((c) => !c.isStaff) ? <ReportFormTemplate /> : null}
            {open ? <CommentForm articleId={article.id} /> : <p className="mt-6 rounded border border-subtle p-4">Comments are closed on this article.</p>}
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
