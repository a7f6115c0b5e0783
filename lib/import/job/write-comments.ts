import 'server-only';
import { db } from '@/lib/db';
import { hashIdentifier } from '@/lib/hash';
import type { CommentRecord } from '@/lib/import/records';
import { decide, type ImportContext } from './context';
import { importedId, rememberImported } from './ledger';
import { tally } from './report';

/** Comments keep status, threading, author, date; the IP only as its hash. Pingbacks and trackbacks are skipped. */
export async function writeComment(ctx: ImportContext, r: CommentRecord, fingerprint: string): Promise<void> {
  const skip = (reason: string) => tally(ctx.report, 'comment', 'skipped', { id: r.originalId, title: `by ${r.authorName || 'anonymous'} on post ${r.postOriginalId}`, reason });
  if (r.type !== 'comment') return skip(`${r.type === 'pingback' ? 'Pingbacks' : 'Trackbacks'} are not imported.`);
  const d = await decide(ctx, 'comment', r.originalId, fingerprint);
  if (d.state === 'unchanged') return tally(ctx.report, 'comment', 'unchanged');
  const articleId = await importedId(ctx.source, 'post', r.postOriginalId);
  if (!articleId && !ctx.dryRun) return skip('Its post was not imported.');
  if (!r.body.trim()) return skip('It is empty.');
  if (ctx.dryRun) return tally(ctx.report, 'comment', d.state === 'new' ? 'imported' : 'updated');
  const data = {
    status: r.status,
    authorName: r.authorName || 'Anonymous',
    authorEmail: r.authorEmail,
    authorUrl: r.authorUrl,
    body: r.body,
    ipHash: r.authorIp ? hashIdentifier(r.authorIp) : null,
    userId: await importedId(ctx.source, 'user', r.userOriginalId),
    parentId: await importedId(ctx.source, 'comment', r.parentOriginalId),
  };
  await db.$transaction(async (tx) => {
    const existing = d.state === 'changed' && d.entityId ? await tx.comment.findUnique({ where: { id: d.entityId }, select: { id: true } }) : null;
    const row = existing
      ? await tx.comment.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.comment.create({ data: { ...data, articleId: articleId!, ...(r.createdAt ? { createdAt: new Date(r.createdAt) } : {}) }, select: { id: true } });
    await rememberImported(tx, { source: ctx.source, kind: 'comment', originalId: r.originalId }, { entityId: row.id, fingerprint, entityVersion: null });
  });
  ctx.touchedArticles.add(articleId!);
  tally(ctx.report, 'comment', d.state === 'new' ? 'imported' : 'updated');
}
