import 'server-only';
import { pagePath } from '@/lib/articles/urls';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { resolveBodyImages } from '@/lib/import/html-to-body';
import type { ContentRecord } from '@/lib/import/records';
import { savePage } from '@/lib/pages/mutations';
import { pageSlugSchema } from '@/lib/validation/static-pages';
import { decide, type ImportContext } from './context';
import { addOldPathRedirects } from './redirects';
import { drafted, tally } from './report';
import { importImage } from './write-media';

// Static pages are written through the page editor's own domain function (lib/pages savePage):
// the same rules, revisions, reserved names and cache refresh as a page an editor saves. As for
// posts: a re-import of the same record is "unchanged", a changed source updates the page unless
// an editor changed it since, and the page's old addresses redirect to its new one.

const EDITED_SINCE = 'An editor changed this page in Broadsheet since the last import; it was left as it is.';

export async function writePage(ctx: ImportContext, r: ContentRecord, fingerprint: string): Promise<void> {
  const d = await decide(ctx, 'page', r.originalId, fingerprint);
  if (d.state === 'unchanged') return tally(ctx.report, 'page', 'unchanged');
  const current = d.state === 'changed' && d.entityId ? await db.page.findUnique({ where: { id: d.entityId }, select: { id: true, version: true } }) : null;
  if (d.state === 'changed' && !current) return tally(ctx.report, 'page', 'skipped', { id: r.originalId, title: r.title, reason: 'Its page was deleted in Broadsheet since the last import.' });
  if (current && current.version !== (d as { entityVersion: number | null }).entityVersion) return tally(ctx.report, 'page', 'skipped', { id: r.originalId, title: r.title, reason: EDITED_SINCE });
  const slug = pageSlugSchema.safeParse(r.slug);
  if (!slug.success) return tally(ctx.report, 'page', 'skipped', { id: r.originalId, title: r.title, reason: `${slug.error.issues[0]?.message ?? 'Its slug cannot be a page address.'}` });
  const outcome = current ? 'updated' : 'imported';
  if (r.draftReason) drafted(ctx.report, { id: r.originalId, title: r.title, reason: `${r.draftReason} on ${r.source} (was "${r.originalStatus}")` });
  if (ctx.dryRun) return tally(ctx.report, 'page', outcome);
  const { doc } = await resolveBodyImages(r.body, async (ref) => {
    const got = await importImage(ctx, ref);
    return got.mediaId === null ? null : { mediaId: got.mediaId };
  });
  const intent = r.status === 'PUBLISHED' ? 'publish' : r.status === 'SCHEDULED' && r.scheduledAt && new Date(r.scheduledAt) > new Date() ? 'schedule' : 'save';
  try {
    const saved = await savePage(
      {
        id: current?.id,
        version: current?.version,
        intent,
        ...(intent === 'schedule' ? { scheduledAt: new Date(r.scheduledAt!) } : {}),
        data: { title: r.title.trim() || 'Untitled page', slug: slug.data, standfirst: r.standfirst, body: '', bodyJson: doc, seoTitle: r.seo.title, seoDescription: r.seo.description },
        imported: { source: ctx.source, id: r.originalId },
      },
      ctx.actor,
    );
    await db.$transaction(async (tx) => {
      // The original publication date, as for posts.
      if (saved.status === 'PUBLISHED' && r.publishedAt) await tx.page.update({ where: { id: saved.id }, data: { publishedAt: new Date(r.publishedAt) } });
      await addOldPathRedirects(tx, r.oldPaths, pagePath(saved.slug));
      await ctx.ledger.remember(tx, 'page', r.originalId, { entityId: saved.id, fingerprint, entityVersion: saved.version });
    });
    tally(ctx.report, 'page', outcome);
  } catch (e) {
    if (e instanceof AppError && (e.code === 'conflict' || e.code === 'unprocessable')) return tally(ctx.report, 'page', 'skipped', { id: r.originalId, title: r.title, reason: e.message });
    throw e;
  }
}
