import 'server-only';
import { recordAudit } from '@/lib/audit';
import { getArticleForEdit } from '@/lib/articles/mutations';
import { signPreviewToken, verifyPreviewToken } from '@/lib/articles/preview-token';
import { keyFor, legacyKey } from '@/lib/crypto/keys';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { absoluteUrl } from '@/lib/seo';
import type { StaffUser } from '@/lib/users';

/** A shareable link to the article's current draft, for anyone who may open it in the editor; audited. */
export async function createPreviewLink(articleId: string, user: StaffUser, now = Date.now()): Promise<{ url: string; expiresAt: Date }> {
  const article = await getArticleForEdit(articleId, user);
  if (!article) throw new AppError('not_found', 'This article no longer exists. It may have been deleted.');
  const expiresAt = new Date(now + env.PREVIEW_LINK_HOURS * 3_600_000);
  const token = signPreviewToken(keyFor('previewLinks'), article.id, expiresAt);
  await recordAudit(db, { actorId: user.id, action: 'article.preview_link', entityType: 'article', entityId: article.id, summary: article.title, data: { expiresAt: expiresAt.toISOString() } });
  return { url: absoluteUrl(`/preview/${token}`), expiresAt };
}

export type PreviewArticle = NonNullable<Awaited<ReturnType<typeof loadPreview>>>;

async function loadPreview(id: string) {
  const row = await db.article.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      title: true,
      standfirst: true,
      bodyJson: true,
      bodyHtml: true,
      status: true,
      publishedAt: true,
      updatedAt: true,
      section: { select: { name: true, slug: true } },
      tags: { select: { tag: { select: { id: true, name: true, slug: true } } } },
      authors: { orderBy: { position: 'asc' }, select: { user: { select: { name: true, slug: true } } } },
    },
  });
  if (!row) return null;
  return { ...row, authors: row.authors.map((a) => a.user), tags: row.tags.map((t) => t.tag) };
}

/**
 * The article a preview link points at, as saved now (any status), or why it cannot be shown.
 * The token alone grants access: no account needed.
 */
export async function getArticleForPreview(token: string, now = Date.now()): Promise<{ ok: true; article: PreviewArticle; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' | 'gone' }> {
  // Links made before preview links had their own key stay good until they expire.
  const check = verifyPreviewToken([keyFor('previewLinks'), legacyKey()], token, now);
  if (!check.ok) return check;
  const article = await loadPreview(check.articleId);
  if (!article) return { ok: false, reason: 'gone' };
  return { ok: true, article, expiresAt: check.expiresAt };
}
