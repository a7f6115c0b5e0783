import 'server-only';
import { hasRole } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit';
import { articlePath } from '@/lib/articles/urls';
import { invalidateArticle, invalidatePaths } from '@/lib/cache';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { addRedirect, clearRedirectFrom } from '@/lib/redirects';
import type { StaffUser } from '@/lib/users';

/**
 * Changes an article's slug; the old public path redirects (301) to the new one, chains
 * collapsed. Editors and admins for any article; authors only on their own drafts.
 * The article's version is left alone so an editor open in another tab can still save.
 */
export async function changeArticleSlug(articleId: string, slug: string, actor: StaffUser) {
  if (!hasRole(actor.role, 'CONTRIBUTOR')) throw new AppError('forbidden', 'Your role does not allow editing articles.');
  const result = await db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { id: true, slug: true, title: true, status: true, authors: { select: { userId: true } } } });
    if (!article) throw new AppError('not_found', 'This article no longer exists.');
    if (!hasRole(actor.role, 'EDITOR')) {
      if (!article.authors.some((a) => a.userId === actor.id)) throw new AppError('forbidden', 'You can change the slug only of your own articles.');
      if (!['DRAFT', 'IN_REVIEW'].includes(article.status)) throw new AppError('forbidden', 'This article is no longer a draft; ask an editor to change its slug.');
    }
    if (article.slug === slug) return { slug, previousSlug: null, published: false };
    if (await tx.article.findUnique({ where: { slug }, select: { id: true } })) {
      throw new AppError('conflict', 'Another article already uses this slug.', { slug: ['Another article already uses this slug.'] });
    }
    await tx.article.update({ where: { id: article.id }, data: { slug } });
    const from = articlePath(article.slug);
    const to = articlePath(slug);
    await clearRedirectFrom(tx, to);
    await addRedirect(tx, from, to);
    await recordAudit(tx, { actorId: actor.id, action: 'article.slug_changed', entityType: 'article', entityId: article.id, summary: article.title, data: { from: article.slug, to: slug } });
    return { slug, previousSlug: article.slug, published: article.status === 'PUBLISHED' };
  });
  // Pages linking to it, and both URLs (the old one now redirects), on every instance.
  if (result.previousSlug)
    await (result.published ? invalidateArticle(articleId, { before: { slugs: [result.previousSlug] } }) : invalidatePaths([articlePath(result.previousSlug), articlePath(slug)]));
  return { slug: result.slug, changed: result.previousSlug !== null };
}
