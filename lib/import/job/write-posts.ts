import 'server-only';
import { writeImportedArticle, type ImportedArticle } from '@/lib/articles/imported';
import { articlePath } from '@/lib/articles/urls';
import { db } from '@/lib/db';
import { resolveBodyImages } from '@/lib/import/html-to-body';
import type { ContentRecord } from '@/lib/import/records';
import { decide, type ImportContext } from './context';
import { addOldPathRedirects } from './redirects';
import { drafted, note, tally } from './report';
import { ensureTerm } from './write-terms';
import { importImage } from './write-media';

const skipWith = (report: () => void) => (report(), false);
const EDITED_SINCE = 'An editor changed this article in Broadsheet since the last import; it was left as it is.';

export function noteMappings(ctx: ImportContext, r: ContentRecord): void {
  const label = r.title;
  for (const n of r.notes) note(ctx.report, n.code, `${label}: ${n.message}`);
  for (const [name, count] of Object.entries(r.body.report.unknownShortcodes)) note(ctx.report, `shortcode kept as text: [${name}]`, label, count);
  for (const [what, count] of Object.entries(r.body.report.removed)) note(ctx.report, `removed for safety: ${what}`, label, count);
  for (const [what, count] of Object.entries(r.body.report.simplified)) note(ctx.report, `simplified: ${what}`, label, count);
  if (r.draftReason) drafted(ctx.report, { id: r.originalId, title: r.title, reason: `${r.draftReason} on ${r.source} (was "${r.originalStatus}")` });
}

/** The hero and the body's images, each fetched once; an unreachable one is reported and left out. */
export async function resolveImages(ctx: ImportContext, r: ContentRecord) {
  const missing = (what: string, reason: string) => {
    note(ctx.report, 'image-unreachable', `${r.title}: ${what}`);
    tally(ctx.report, 'image', 'skipped', { id: r.originalId, title: r.title, reason });
  };
  let heroImageId: string | null = null;
  if (r.featuredImage) {
    const alt = r.featuredImage.alt || r.title;
    const hero = await importImage(ctx, { ...r.featuredImage, alt });
    if (hero.mediaId === null) missing('hero image', hero.reason);
    else heroImageId = hero.mediaId;
    if (heroImageId && !ctx.dryRun) {
      // The library's description fills gaps only: an editor's own alt text is never overwritten.
      const m = await db.media.findUniqueOrThrow({ where: { id: heroImageId }, select: { alt: true, caption: true } });
      if (!m.alt.trim() || (!m.caption && r.featuredImage.caption)) {
        await db.media.update({ where: { id: heroImageId }, data: { alt: m.alt.trim() || alt, caption: m.caption || r.featuredImage.caption || null } });
      }
    }
  }
  if (ctx.dryRun) return { heroImageId, doc: r.body.doc };
  const { doc } = await resolveBodyImages(r.body, async (ref) => {
    const got = await importImage(ctx, ref);
    if (got.mediaId !== null) return { mediaId: got.mediaId };
    missing('image in the body', got.reason);
    return null;
  });
  return { heroImageId, doc };
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** The byline: the users earlier records became (an author missing from the export is noted). */
export async function bylineOf(ctx: ImportContext, r: ContentRecord): Promise<string[]> {
  const authorIds: string[] = [];
  for (const id of r.authorIds) {
    const user = await ctx.ledger.id('user', id);
    if (user) authorIds.push(user);
    else note(ctx.report, 'byline-missing', `${r.title}: author ${id} is not in the export`);
  }
  return authorIds;
}

/** The post's section and tags, found or made inside `tx` (no query once the batch's ledger knows them). */
export async function termsOf(ctx: ImportContext, tx: Tx, r: ContentRecord): Promise<{ sectionId: string | null; tagIds: string[] }> {
  const sectionId = r.section ? await ensureTerm(ctx, tx, r.section, 'section') : null;
  const tagIds: string[] = [];
  for (const t of r.tags) tagIds.push(await ensureTerm(ctx, tx, t, 'tag'));
  return { sectionId, tagIds };
}

/** The article a post becomes, with the source's dates, status and SEO fields. */
export function importedArticleOf(
  r: ContentRecord,
  refs: { doc: ImportedArticle['bodyJson']; heroImageId: string | null; sectionId: string | null; tagIds: string[]; authorIds: string[] },
): ImportedArticle {
  const date = (v: string | null) => (v ? new Date(v) : null);
  return {
    title: r.title,
    slug: r.slug,
    standfirst: r.standfirst,
    bodyJson: refs.doc,
    status: r.status,
    publishedAt: r.status === 'PUBLISHED' ? date(r.publishedAt) : null,
    scheduledAt: date(r.scheduledAt),
    createdAt: date(r.createdAt),
    updatedAt: date(r.updatedAt),
    sectionId: refs.sectionId,
    tagIds: refs.tagIds,
    authorIds: refs.authorIds,
    heroImageId: refs.heroImageId,
    seoTitle: r.seo.title,
    seoDescription: r.seo.description,
    canonicalUrl: r.seo.canonicalUrl,
    sticky: r.sticky,
    commentsOpen: r.commentsOpen,
  };
}

/**
 * A post becomes an article; a changed source updates it unless an editor changed it since.
 * `alongside` writes more (the post's comments) in the article's own transaction; returns
 * whether the article was written (and `alongside` with it).
 */
export async function writePost(ctx: ImportContext, r: ContentRecord, fingerprint: string, alongside?: (tx: Tx, articleId: string) => Promise<void>): Promise<boolean> {
  const d = await decide(ctx, 'post', r.originalId, fingerprint);
  if (d.state === 'unchanged') return skipWith(() => tally(ctx.report, 'post', 'unchanged'));
  let current: { id: string; version: number } | null = null;
  if (d.state === 'changed' && d.entityId) {
    current = await db.article.findUnique({ where: { id: d.entityId }, select: { id: true, version: true } });
    if (!current) return skipWith(() => tally(ctx.report, 'post', 'skipped', { id: r.originalId, title: r.title, reason: 'Its article was deleted in Broadsheet since the last import.' }));
    if (current.version !== d.entityVersion) return skipWith(() => tally(ctx.report, 'post', 'skipped', { id: r.originalId, title: r.title, reason: EDITED_SINCE }));
  }
  noteMappings(ctx, r);
  const outcome = current ? 'updated' : 'imported';
  const { heroImageId, doc } = await resolveImages(ctx, r);
  if (ctx.dryRun) return skipWith(() => tally(ctx.report, 'post', outcome));
  const authorIds = await bylineOf(ctx, r);
  try {
    const row = await db.$transaction(async (tx) => {
      const { sectionId, tagIds } = await termsOf(ctx, tx, r);
      const written = await writeImportedArticle(tx, importedArticleOf(r, { doc, heroImageId, sectionId, tagIds, authorIds }), {
        id: current?.id,
        expectedVersion: current?.version,
        actorId: ctx.actor.id,
      });
      await addOldPathRedirects(tx, r.oldPaths, articlePath(written.slug));
      await ctx.ledger.remember(tx, 'post', r.originalId, { entityId: written.id, fingerprint, entityVersion: written.version });
      await alongside?.(tx, written.id);
      return written;
    });
    ctx.touchedArticles.add(row.id);
    tally(ctx.report, 'post', outcome);
    return true;
  } catch (e) {
    ctx.ledger.forget();
    if (e instanceof Error && 'code' in e && e.code === 'conflict') return skipWith(() => tally(ctx.report, 'post', 'skipped', { id: r.originalId, title: r.title, reason: EDITED_SINCE }));
    throw e;
  }
}
