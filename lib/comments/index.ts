import 'server-only';
import { hasRole } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit';
import { publishedOnly } from '@/lib/articles/access';
import { articlePath } from '@/lib/articles/urls';
import { invalidateArticle } from '@/lib/cache';
import { db } from '@/lib/db';
import { AppError, assertVersion } from '@/lib/errors';
import { clientIpFrom } from '@/lib/client-ip';
import { env } from '@/lib/env';
import { keyFor, legacyKey } from '@/lib/crypto/keys';
import { hashIdentifier, identifierHashes } from '@/lib/hash';
import { effectiveMinSeconds, getCommentSettings, type CommentSettings } from '@/lib/settings/comments';
import type { StaffUser } from '@/lib/users';
import type { ModerationAction } from '@/lib/validation/comments';
import { enqueueWebhookEvent } from '@/lib/webhooks/events';
import { formTokenAgeSeconds, signFormToken } from './form-token';
import { isBanned } from './bans';
import { commentRateLimiters } from './limiters';
import { consumeRateLimits } from './rate-limit';
import { evaluateComment, isDuplicateComment } from './rules';

export type PublicComment = { id: string; parentId: string | null; authorName: string; authorUrl: string | null; body: string; createdAt: Date; isStaff: boolean };

/** Approved comments of an article, oldest first, with only what readers may see. */
export async function listApprovedComments(articleId: string): Promise<PublicComment[]> {
  const rows = await db.comment.findMany({
    where: { articleId, status: 'APPROVED' },
    orderBy: { createdAt: 'asc' },
    select: { id: true, parentId: true, authorName: true, authorUrl: true, body: true, createdAt: true, userId: true },
  });
  return rows.map(({ userId, ...c }) => ({ ...c, isStaff: userId !== null }));
}

export type SubmittedComment = { id: string; status: 'PENDING' | 'APPROVED' | 'SPAM' };

/** The signed "form served at" token the article page puts into its comment form. */
export function issueCommentFormToken(articleId: string, now = Date.now()): string {
  return signFormToken(keyFor('commentForms'), articleId, now);
}

/** True when comments on the article are still open (per article, and the site's auto-close age). */
export function commentsAreOpen(article: { commentsOpen: boolean; publishedAt: Date | null }, settings: Pick<CommentSettings, 'closeAfterDays'>, now = Date.now()): boolean {
  if (!article.commentsOpen) return false;
  if (!settings.closeAfterDays || !article.publishedAt) return true;
  return now - article.publishedAt.getTime() < settings.closeAfterDays * 86_400_000;
}

/** How deep a comment sits in its thread: 1 for a top-level comment. */
async function depthOf(id: string): Promise<number> {
  let depth = 1;
  let parentId = (await db.comment.findUnique({ where: { id }, select: { parentId: true } }))?.parentId ?? null;
  while (parentId && depth < 50) {
    depth++;
    parentId = (await db.comment.findUnique({ where: { id: parentId }, select: { parentId: true } }))?.parentId ?? null;
  }
  return depth;
}

export const BANNED_MESSAGE = 'Sorry, your comment could not be posted.';

// WordPress's wording: readers recognise it.
export const DUPLICATE_MESSAGE = 'Duplicate comment detected; it looks as though you’ve already said that!';

/**
 * Stores a reader's comment after the flood limits, the duplicate check and the hold/spam
 * rules (lib/comments/rules); the article must be published and open for comments.
 * Spam is stored (for moderators to review) but the commenter is told only that it awaits moderation.
 */
export async function submitComment(
  input: { articleId: string; parentId?: string; body: string; name: string; email: string; website?: string; formToken?: string; honeypot?: string },
  meta: { ip?: string | null; userAgent?: string | null; now?: number },
): Promise<SubmittedComment> {
  const now = meta.now ?? Date.now();
  const settings = await getCommentSettings();
  const article = await db.article.findFirst({ where: { id: input.articleId, ...publishedOnly() }, select: { id: true, commentsOpen: true, publishedAt: true } });
  if (!article) throw new AppError('not_found', 'This article is not available for comments.');
  if (!commentsAreOpen(article, settings, now)) throw new AppError('forbidden', 'Comments are closed on this article.');
  if (input.parentId) {
    const parent = await db.comment.findFirst({ where: { id: input.parentId, articleId: article.id, status: 'APPROVED' }, select: { id: true } });
    if (!parent) throw new AppError('unprocessable', 'The comment you are replying to is no longer available.');
    if ((await depthOf(parent.id)) >= settings.threadDepth) throw new AppError('unprocessable', 'Replies cannot nest any deeper here. Please reply further up the thread.');
  }
  const ipHash = meta.ip ? hashIdentifier(meta.ip) : null;
  const emailHash = hashIdentifier(input.email);
  // Neutral on purpose: the commenter learns nothing about why, and nothing is stored.
  if (await isBanned({ emailHash: identifierHashes(input.email), ipHash: meta.ip ? identifierHashes(meta.ip) : null }, new Date(now))) throw new AppError('forbidden', BANNED_MESSAGE);
  await consumeRateLimits(commentRateLimiters(), { ip: ipHash, email: emailHash });

  const earlier = await db.comment.findMany({
    where: { articleId: article.id, authorEmail: input.email, status: { not: 'TRASH' } },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: { body: true },
  });
  if (
    isDuplicateComment(
      input.body,
      earlier.map((c) => c.body),
    )
  )
    throw new AppError('conflict', DUPLICATE_MESSAGE);

  const knownCommenter = settings.autoApproveKnown ? (await db.comment.count({ where: { authorEmail: input.email, status: 'APPROVED' }, take: 1 })) > 0 : false;
  const verdict = evaluateComment(
    {
      body: input.body,
      name: input.name,
      email: input.email,
      website: input.website,
      honeypot: input.honeypot,
      elapsedSeconds: formTokenAgeSeconds([keyFor('commentForms'), legacyKey()], article.id, input.formToken, now),
      minSeconds: effectiveMinSeconds(settings).seconds,
      knownCommenter,
    },
    settings,
  );

  const saved = await db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: {
        articleId: article.id,
        parentId: input.parentId ?? null,
        body: input.body,
        authorName: input.name,
        authorEmail: input.email,
        authorUrl: input.website ?? null,
        ipHash,
        userAgent: meta.userAgent?.slice(0, 400) ?? null,
        status: verdict.status,
      },
      select: { id: true },
    });
    // Why a comment skipped or was held out of the queue, for moderators (no actor: the rules decided).
    if (verdict.reasons.length) {
      await recordAudit(tx, {
        actorId: null,
        action: `comment.auto-${verdict.status.toLowerCase()}`,
        entityType: 'comment',
        entityId: comment.id,
        summary: verdict.reasons.join(', '),
        data: { reasons: verdict.reasons },
      });
    }
    return { id: comment.id, status: verdict.status };
  });
  // An auto-approved comment is public at once: refresh the (cached) pages showing the article.
  if (saved.status === 'APPROVED') await invalidateArticle(article.id, { listings: false });
  return saved;
}

const STATUS_FOR: Record<Exclude<ModerationAction, 'delete'>, 'APPROVED' | 'PENDING' | 'SPAM' | 'TRASH'> = { approve: 'APPROVED', unapprove: 'PENDING', spam: 'SPAM', trash: 'TRASH' };

/**
 * Approves, unapproves, spams, trashes or deletes a comment forever; refreshes the article's pages
 * when readers see the difference. With `version` (the queue's, or If-Match), refused if another
 * moderator acted on the comment (or edited it) meanwhile. Returns the comment's new version.
 */
export async function moderateComment(id: string, action: ModerationAction, user: StaffUser, opts: { version?: number } = {}): Promise<{ version: number }> {
  if (!hasRole(user.role, 'EDITOR')) throw new AppError('forbidden', 'Only editors and admins moderate comments.');
  const result = await db.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({
      where: { id },
      select: { id: true, status: true, parentId: true, body: true, authorName: true, createdAt: true, version: true, article: { select: { id: true, slug: true } } },
    });
    if (!comment) throw new AppError('not_found', 'This comment no longer exists.');
    assertVersion('comment', comment.version, opts.version);
    if (action === 'delete') {
      // Replies move up a level instead of disappearing with their parent.
      await tx.comment.updateMany({ where: { parentId: id }, data: { parentId: comment.parentId } });
      const { count } = await tx.comment.deleteMany({ where: { id, version: comment.version } });
      if (!count) assertVersion('comment', comment.version + 1, comment.version);
      await recordAudit(tx, { actorId: user.id, action: 'comment.delete', entityType: 'comment', entityId: id, data: { from: comment.status, authorName: comment.authorName } });
      return { articleId: comment.article.id, public: comment.status === 'APPROVED', version: comment.version };
    }
    const status = STATUS_FOR[action];
    // Conditional on the version read: of two moderators acting at once, the second is told.
    const { count } = await tx.comment.updateMany({ where: { id, version: comment.version }, data: { status, version: { increment: 1 } } });
    if (!count) assertVersion('comment', comment.version + 1, comment.version);
    // Taking a comment down settles the reports about it.
    if (status === 'SPAM' || status === 'TRASH') await tx.commentReport.updateMany({ where: { commentId: id, resolvedAt: null }, data: { resolvedAt: new Date() } });
    await recordAudit(tx, { actorId: user.id, action: `comment.${action}`, entityType: 'comment', entityId: id, data: { from: comment.status, to: status } });
    if (status === 'APPROVED' && comment.status !== 'APPROVED') {
      // Only what the public page shows: never the commenter's email, IP or website.
      const { article } = comment;
      await enqueueWebhookEvent(tx, 'comment.approved', {
        comment: { id: comment.id, parentId: comment.parentId, authorName: comment.authorName, body: comment.body, createdAt: comment.createdAt.toISOString() },
        article: { id: article.id, slug: article.slug, url: articlePath(article.slug) },
      });
    }
    return { articleId: comment.article.id, public: comment.status === 'APPROVED' || status === 'APPROVED', version: comment.version + 1 };
  });
  // Only a comment entering or leaving the approved set changes what readers see.
  if (result.public) await invalidateArticle(result.articleId, { listings: false });
  return { version: result.version };
}

/** The reader's IP: the socket address, or X-Forwarded-For as far as TRUST_PROXY trusts it (lib/client-ip). */
export function clientIp(h: Pick<Headers, 'get'>): string | null {
  return clientIpFrom(h, env.TRUST_PROXY);
}

/** What a commenter is told when the database cannot be reached: their text is still in the form. */
export const COMMENT_UNAVAILABLE_MESSAGE = "Your comment could not be saved: we can't reach the newsroom's database right now. Your text is still here; please post it again in a minute.";

/** What the commenter is told: spam is never revealed, it simply "awaits moderation". */
export function submittedMessage(result: SubmittedComment): string {
  return result.status === 'APPROVED' ? 'Thank you. Your comment is published.' : 'Thank you. Your comment is awaiting moderation and will appear once an editor approves it.';
}
