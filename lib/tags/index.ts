import 'server-only';
import { cache } from 'react';
import { hasRole } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit';
import { tagPath } from '@/lib/articles/urls';
import { invalidateMergedTag, invalidateTag } from '@/lib/cache';
import { db } from '@/lib/db';
import { AppError, assertVersion } from '@/lib/errors';
import { addRedirect } from '@/lib/redirects';
import type { StaffUser } from '@/lib/users';

export type TagSummary = { id: string; name: string; slug: string; description: string | null };

/** A tag by its public slug; shared by generateMetadata and the page through cache(). */
export const getTagBySlug = cache(async (slug: string): Promise<TagSummary | null> => {
  return db.tag.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, description: true } });
});

function assertEditor(actor: StaffUser) {
  if (!hasRole(actor.role, 'EDITOR')) throw new AppError('forbidden', 'Only editors and admins can manage sections and tags.');
}

/** Every tag by name with its article count, for the dashboard. */
export async function listTagsForAdmin(actor: StaffUser) {
  assertEditor(actor);
  const rows = await db.tag.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, slug: true, description: true, version: true, _count: { select: { articles: true } } } });
  return rows.map(({ _count, ...t }) => ({ ...t, articleCount: _count.articles }));
}

/** Renames and describes a tag; its slug stays. With `version` (the form's, or If-Match), refused if someone changed it meanwhile. */
export async function updateTag(input: { id: string; name: string; description: string | null; version?: number }, actor: StaffUser) {
  assertEditor(actor);
  const saved = await db.$transaction(async (tx) => {
    const current = await tx.tag.findUnique({ where: { id: input.id }, select: { name: true, slug: true, version: true } });
    if (!current) throw new AppError('not_found', 'This tag no longer exists.');
    assertVersion('tag', current.version, input.version);
    const { count } = await tx.tag.updateMany({ where: { id: input.id, version: current.version }, data: { name: input.name, description: input.description, version: { increment: 1 } } });
    if (!count) assertVersion('tag', current.version + 1, current.version);
    await recordAudit(tx, { actorId: actor.id, action: 'tag.updated', entityType: 'tag', entityId: input.id, summary: input.name, data: { from: current.name } });
    return { id: input.id, name: input.name, slug: current.slug, description: input.description, version: current.version + 1 };
  });
  // Its listing and every article page showing the tag's name.
  await invalidateTag(input.id);
  return saved;
}

/**
 * Merges tag `fromId` into `intoId`: its articles gain the other tag (no duplicate links),
 * the merged tag is deleted and its public path redirects to the surviving tag's. With
 * `fromVersion` (If-Match), refused if the merged tag was changed meanwhile.
 */
export async function mergeTags(fromId: string, intoId: string, actor: StaffUser, opts: { fromVersion?: number } = {}) {
  assertEditor(actor);
  if (fromId === intoId) throw new AppError('unprocessable', 'Choose a different tag to merge into.', { intoId: ['Choose a different tag to merge into.'] });
  const merged = await db.$transaction(async (tx) => {
    const [from, into] = await Promise.all([
      tx.tag.findUnique({ where: { id: fromId }, select: { id: true, name: true, slug: true, version: true, articles: { select: { articleId: true } } } }),
      tx.tag.findUnique({ where: { id: intoId }, select: { id: true, name: true, slug: true, articles: { select: { articleId: true } } } }),
    ]);
    if (!from || !into) throw new AppError('not_found', 'One of these tags no longer exists. Reload the page.');
    assertVersion('tag', from.version, opts.fromVersion);
    const already = new Set(into.articles.map((a) => a.articleId));
    const moving = from.articles.filter((a) => !already.has(a.articleId));
    if (moving.length) await tx.articleTag.createMany({ data: moving.map((a) => ({ articleId: a.articleId, tagId: into.id })) });
    // Menu links to the merged tag now open the surviving one (they would go with the tag otherwise).
    await tx.menuItem.updateMany({ where: { tagId: from.id }, data: { tagId: into.id } });
    // Its ArticleTag links go with it (onDelete: Cascade); conditional on the version read, so a rename in between is not lost unseen.
    const { count } = await tx.tag.deleteMany({ where: { id: from.id, version: from.version } });
    if (!count) assertVersion('tag', from.version + 1, from.version);
    await addRedirect(tx, tagPath(from.slug), tagPath(into.slug));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'tag.merged',
      entityType: 'tag',
      entityId: into.id,
      summary: `${from.name} → ${into.name}`,
      data: { fromId: from.id, fromSlug: from.slug, moved: moving.length, total: from.articles.length },
    });
    return { from: from.name, into: into.name, moved: from.articles.length, fromSlug: from.slug, articleIds: from.articles.map((a) => a.articleId) };
  });
  await invalidateMergedTag(fromId, intoId, merged.fromSlug, merged.articleIds);
  return { from: merged.from, into: merged.into, moved: merged.moved };
}
