import 'server-only';
import { db } from '@/lib/db';
import { hashIdentifier } from '@/lib/hash';
import { recordFingerprint } from '@/lib/import/fingerprint';
import type { CommentRecord } from '@/lib/import/records';
import { decide, type ImportContext } from './context';
import { tally } from './report';

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** A comment to write, or only an outcome to report (`report`, called once the write it belongs to is settled). */
export type CommentPlan = { report: () => void } | { report?: undefined; r: CommentRecord; fingerprint: string; existingId: string | null; outcome: 'imported' | 'updated' };

/** Decides about a comment without writing. `articleId` is its post's, when known (written in the same transaction). */
export async function planComment(ctx: ImportContext, r: CommentRecord, fingerprint: string, articleId: string | null, client?: Tx): Promise<CommentPlan> {
  const skip = (reason: string) => ({
    report: () => tally(ctx.report, 'comment', 'skipped', { id: r.originalId, title: `by ${r.authorName || 'anonymous'} on post ${r.postOriginalId}`, reason }),
  });
  if (r.type !== 'comment') return skip(`${r.type === 'pingback' ? 'Pingbacks' : 'Trackbacks'} are not imported.`);
  const d = await decide(ctx, 'comment', r.originalId, fingerprint, client);
  if (d.state === 'unchanged') return { report: () => tally(ctx.report, 'comment', 'unchanged') };
  if (!articleId && !ctx.dryRun) return skip('Its post was not imported.');
  if (!r.body.trim()) return skip('It is empty.');
  const outcome = d.state === 'new' ? 'imported' : 'updated';
  if (ctx.dryRun) return { report: () => tally(ctx.report, 'comment', outcome) };
  return { r, fingerprint, existingId: d.state === 'changed' ? d.entityId : null, outcome };
}

/** Writes a planned comment inside `tx`; returns its outcome's report. */
async function writePlanned(ctx: ImportContext, tx: Tx, plan: CommentPlan, articleId: string): Promise<() => void> {
  if (plan.report) return plan.report;
  const { r, fingerprint } = plan;
  const data = {
    status: r.status,
    authorName: r.authorName || 'Anonymous',
    authorEmail: r.authorEmail,
    authorUrl: r.authorUrl,
    body: r.body,
    ipHash: r.authorIp ? hashIdentifier(r.authorIp) : null,
    userId: await ctx.ledger.id('user', r.userOriginalId, tx),
    parentId: await ctx.ledger.id('comment', r.parentOriginalId, tx),
  };
  const existing = plan.existingId ? await tx.comment.findUnique({ where: { id: plan.existingId }, select: { id: true } }) : null;
  const row = existing
    ? await tx.comment.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } }, select: { id: true } })
    : await tx.comment.create({ data: { ...data, articleId, ...(r.createdAt ? { createdAt: new Date(r.createdAt) } : {}) }, select: { id: true } });
  await ctx.ledger.remember(tx, 'comment', r.originalId, { entityId: row.id, fingerprint, entityVersion: null });
  return () => {
    ctx.touchedArticles.add(articleId);
    tally(ctx.report, 'comment', plan.outcome);
  };
}

/** Comments keep status, threading, author, date; the IP only as its hash. Pingbacks and trackbacks are skipped. */
export async function writeComment(ctx: ImportContext, r: CommentRecord, fingerprint: string): Promise<void> {
  const articleId = await ctx.ledger.id('post', r.postOriginalId);
  const plan = await planComment(ctx, r, fingerprint, articleId);
  if (plan.report) return plan.report();
  try {
    (await db.$transaction((tx) => writePlanned(ctx, tx, plan, articleId!)))();
  } catch (e) {
    ctx.ledger.forget();
    throw e;
  }
}

/**
 * Writes a post's comments in the post's own transaction (one commit for the lot); returns
 * their reports, for when that transaction has committed.
 */
export async function writeCommentsOf(ctx: ImportContext, tx: Tx, articleId: string, comments: CommentRecord[]): Promise<(() => void)[]> {
  const reports: (() => void)[] = [];
  for (const c of comments) reports.push(await writePlanned(ctx, tx, await planComment(ctx, c, recordFingerprint(c), articleId, tx), articleId));
  return reports;
}
