import 'server-only';
import { unstable_cache } from 'next/cache';
import { db } from '@/lib/db';
import { articlePath, pagePath, tagPath } from '@/lib/articles/urls';
// Plain JS shared with Next's cache handler (lib/cache/page-cache-handler.mjs); see there.
import { invalidateTags } from './shared.mjs';

/**
 * Cache tags of public pages. Every page is tagged with what it shows, so a change refreshes
 * exactly the pages that show it:
 * - `a:<articleId>`: any page showing that article (its own page, cards in lists, Latest/Related)
 * - `latest`: pages with a "Latest news" list; `front`: the home page's fronts
 * - `s:<sectionId>`, `t:<tagId>`, `u:<userId>`: section, tag and author listings (all their pages)
 * - `feeds`, `sitemaps`, `ads`: RSS feeds, sitemaps, pages with ad slots
 * - `p:<pageId>`: a static page (About, Terms) at /<slug>
 * - `menu:<location>`: every page whose layout shows that menu (`menu:header`, `menu:footer`)
 * - `corrections`: the corrections column (/corrections) and its feed
 * - `search`: every cached search results page (any publish, unpublish or edit of a published
 *   article may change what matches; exact tracking per query would need the query re-run)
 * - `settings:<group>`: no page; every instance's copy of a settings group (lib/settings/store)
 * - `taxonomy`: no page; the content API's lists of tags and authors (a rename or merge)
 * Next's own path tags (`_N_T_/articles/slug`) are also on every page.
 */
export const pageTags = {
  article: (id: string) => `a:${id}`,
  section: (id: string) => `s:${id}`,
  tag: (id: string) => `t:${id}`,
  author: (id: string) => `u:${id}`,
  latest: 'latest',
  front: 'front',
  feeds: 'feeds',
  sitemaps: 'sitemaps',
  ads: 'ads',
  page: (id: string) => `p:${id}`,
  menu: (location: string) => `menu:${location}`,
  corrections: 'corrections',
  search: 'search',
  settings: (group: string) => `settings:${group}`,
  taxonomy: 'taxonomy',
  /** No page: every instance's remembered API key checks (lib/api-keys/memo). */
  apiKeys: 'api-keys',
} as const;

/** Next's implicit tag for a pathname (what revalidatePath(path) invalidates). */
export const pathTag = (path: string) => `_N_T_${path}`;
/** Carried by every page: invalidating it refreshes the whole public site (site settings, navigation). */
export const EVERY_PAGE = pathTag('/layout');

// Next accepts up to 128 tags per call; a page never needs that many, but a list might.
const MAX_TAGS = 120;

/**
 * Labels the page being rendered with `tags`, so invalidating any of them refreshes it.
 * (unstable_cache adds its tags to the enclosing page's cache entry; the cached value itself is trivial.)
 */
export async function tagPage(...tags: string[]): Promise<void> {
  const unique = [...new Set(tags)].slice(0, MAX_TAGS);
  if (!unique.length) return;
  await unstable_cache(async () => true, ['page-tags', ...unique], { tags: unique, revalidate: false })();
}

/** Tags for a list of article cards. */
export const articleTags = (articles: { id: string }[]) => articles.map((a) => pageTags.article(a.id));

/** Refreshes the pages at these paths (and with REDIS_URL, on every instance). */
export async function invalidatePaths(paths: string[]): Promise<void> {
  await invalidateTags(paths.flatMap((p) => (p === '/' ? [pathTag('/'), pathTag('/index')] : [pathTag(p)])));
}

/**
 * Refreshes every public page, feed and sitemap: what the layout shows on all of them (site
 * name, time zone, weather city, section navigation) or a rule every article page applies
 * (comment settings). `also`: further tags of the same change (a settings group, a section).
 */
export async function invalidateSite(...also: string[]): Promise<void> {
  await invalidateTags([EVERY_PAGE, pageTags.feeds, pageTags.sitemaps, ...also]);
}

/** After a section was added, renamed or moved: the navigation on every page, its listing and feed. */
export async function invalidateSection(sectionId: string): Promise<void> {
  await invalidateSite(pageTags.section(sectionId));
}

/** After a tag's name or description changed: its listing, every published article page showing it and the menus linking to it. */
export async function invalidateTag(tagId: string): Promise<void> {
  const carrying = await db.article.findMany({ where: { status: 'PUBLISHED', tags: { some: { tagId } } }, select: { id: true } });
  // Menus linking to the tag show its name.
  const menus = await db.menuItem.findMany({ where: { tagId }, select: { menu: { select: { location: true } } } });
  await invalidateTags([pageTags.tag(tagId), pageTags.taxonomy, ...carrying.map((a) => pageTags.article(a.id)), ...new Set(menus.map((m) => pageTags.menu(m.menu.location)))]);
}

/**
 * After tag `fromId` was merged into `intoId`: both listings, every article that carried the
 * merged tag (it now shows the other), the merged tag's old address, the tags sitemap and the
 * menus linking to the surviving tag.
 */
export async function invalidateMergedTag(fromId: string, intoId: string, fromSlug: string, articleIds: string[]): Promise<void> {
  // Menus that linked to the merged tag link to the surviving one now.
  const menus = await db.menuItem.findMany({ where: { tagId: intoId }, select: { menu: { select: { location: true } } } });
  await invalidateTags([
    pageTags.tag(fromId),
    pageTags.tag(intoId),
    pageTags.taxonomy,
    ...articleIds.map(pageTags.article),
    pathTag(tagPath(fromSlug)),
    pageTags.sitemaps,
    ...new Set(menus.map((m) => pageTags.menu(m.menu.location))),
  ]);
}

/** Refreshes only the pages already showing these articles (a comment, an image's caption changed). */
export async function invalidateArticlePages(articleIds: string[]): Promise<void> {
  await invalidateTags([...new Set(articleIds)].map(pageTags.article));
}

/** After a correction was added or withdrawn: the article's pages and listings, and the corrections column. */
export async function invalidateCorrections(articleId: string): Promise<void> {
  await invalidateArticle(articleId);
  await invalidateTags([pageTags.corrections]);
}

/** After a live update or the coverage changed: the article's own pages (page, its feed) and the feeds. */
export async function invalidateLiveCoverage(articleId: string): Promise<void> {
  await invalidateTags([pageTags.article(articleId), pageTags.feeds]);
}

/** Refreshes pages that show ad slots. */
export async function invalidateAds(): Promise<void> {
  await invalidateTags([pageTags.ads]);
}

export type ArticleRefs = { sectionId?: string | null; tagIds?: string[]; authorIds?: string[]; slugs?: string[] };

/**
 * After an article's public state changed (published, edited while published, unpublished,
 * archived, deleted, or a comment on it approved): refreshes its page, every page listing it,
 * the listings it now belongs to (and, given `before`, those it left), the home page, feeds and
 * sitemaps. `listings: false` limits it to pages already showing the article (a comment change).
 */
export async function invalidateArticle(
  articleId: string,
  opts: { before?: ArticleRefs; listings?: boolean; /** Its refs after the change, read in the change's transaction: no database read here. */ after?: ArticleRefs | null } = {},
): Promise<void> {
  const tags = [pageTags.article(articleId)];
  if (opts.listings !== false) {
    const refs: ArticleRefs[] = [opts.before ?? {}, (opts.after !== undefined ? opts.after : await articleRefs(articleId)) ?? {}];
    for (const r of refs) {
      if (r.sectionId) tags.push(pageTags.section(r.sectionId));
      for (const id of r.tagIds ?? []) tags.push(pageTags.tag(id));
      for (const id of r.authorIds ?? []) tags.push(pageTags.author(id));
      // The path tag also clears a cached "not found" or redirect at that URL.
      for (const slug of r.slugs ?? []) tags.push(pathTag(articlePath(slug)));
    }
    tags.push(pageTags.latest, pageTags.front, pageTags.feeds, pageTags.sitemaps, pageTags.search);
  }
  await invalidateTags(tags);
}

/** The refs of an article before a change, for invalidateArticle's `before`. */
export async function articleRefs(articleId: string, client: Pick<typeof db, 'article'> = db): Promise<(ArticleRefs & { status: string }) | null> {
  const a = await client.article.findUnique({
    where: { id: articleId },
    select: { slug: true, status: true, sectionId: true, tags: { select: { tagId: true } }, authors: { select: { userId: true } } },
  });
  return a ? { status: a.status, sectionId: a.sectionId, tagIds: a.tags.map((t) => t.tagId), authorIds: a.authors.map((x) => x.userId), slugs: [a.slug] } : null;
}

/** After a byline's name or bio changed: their author page and every page showing one of their stories. */
export async function invalidateAuthor(userId: string): Promise<void> {
  const articles = await db.article.findMany({ where: { status: 'PUBLISHED', authors: { some: { userId } } }, select: { id: true } });
  await invalidateTags([pageTags.author(userId), pageTags.taxonomy, ...articles.map((a) => pageTags.article(a.id))]);
}

/**
 * After a static page's public state changed: its own page (at every slug it had, which also
 * clears a cached "not found"), the sitemaps, and the menus linking to it (their labels and
 * links follow the page, and an unpublished page leaves them).
 */
export async function invalidateStaticPage(pageId: string, slugs: string[], client: Pick<typeof db, 'menuItem'> = db): Promise<void> {
  const menus = await client.menuItem.findMany({ where: { pageId }, select: { menu: { select: { location: true } } }, distinct: ['menuId'] });
  await invalidateTags([pageTags.page(pageId), ...slugs.map((s) => pathTag(pagePath(s))), pageTags.sitemaps, ...menus.map((m) => pageTags.menu(m.menu.location))]);
}

/** After a menu was saved: exactly the pages that show it. */
export async function invalidateMenu(location: string): Promise<void> {
  await invalidateTags([pageTags.menu(location)]);
}
