import 'server-only';
import { db } from '@/lib/db';
import { recordFingerprint } from '@/lib/import/fingerprint';
import type { CommentRecord, ContentRecord, ImportRecord } from '@/lib/import/records';
import type { ImportContext } from './context';
import { note, tally, warn } from './report';
import { writeComment, writeCommentsOf } from './write-comments';
import { writeMedia } from './write-media';
import { writeMenu } from './write-menus';
import { writePage } from './write-pages';
import { writePlan } from './write-plans';
import { writePost } from './write-posts';
import { writeSection, writeTag, writeUser } from './write-terms';

async function dispatch(ctx: ImportContext, r: ImportRecord): Promise<void> {
  const fp = () => recordFingerprint(r);
  switch (r.kind) {
    case 'site':
      return;
    case 'user':
      return writeUser(ctx, r, fp());
    case 'section':
      return writeSection(ctx, r, fp());
    case 'tag':
      return writeTag(ctx, r, fp());
    case 'media':
      return writeMedia(ctx, r, fp());
    case 'post':
      await writePost(ctx, r, fp());
      return;
    case 'page':
      return writePage(ctx, r, fp());
    case 'comment':
      return writeComment(ctx, r, fp());
    case 'menu':
      return writeMenu(ctx, r, fp());
    case 'plan':
      return writePlan(ctx, r, fp());
    case 'skipped':
      for (const n of r.notes) note(ctx.report, n.code, n.message);
      return tally(ctx.report, r.what, 'skipped', { id: r.originalId, title: r.title, reason: r.reason });
    case 'warning':
      return warn(ctx.report, r.line ? `Line ${r.line}: ${r.message}` : r.message);
  }
}

const titleOf = (r: ImportRecord) => ('title' in r ? r.title : 'name' in r ? r.name : 'displayName' in r ? r.displayName : 'headline' in r ? r.headline : '');

/**
 * Applies one record, all or nothing (each writer uses one transaction). A record the
 * database refuses is skipped and reported; when the database itself is away the error is
 * thrown, so the job stops and resumes from its checkpoint later.
 */
export async function applyRecord(ctx: ImportContext, r: ImportRecord): Promise<void> {
  try {
    await dispatch(ctx, r);
  } catch (e) {
    const reachable = await db.$queryRaw`SELECT 1`.then(
      () => true,
      () => false,
    );
    if (!reachable || r.kind === 'site' || r.kind === 'warning') throw e;
    const message = e instanceof Error ? e.message.split('\n').pop()!.slice(0, 300) : String(e);
    console.error(`import: ${r.kind} ${r.originalId} could not be written`, e);
    tally(ctx.report, r.kind === 'skipped' ? r.what : r.kind, 'skipped', { id: r.originalId, title: titleOf(r), reason: `It could not be written: ${message}` });
  }
}

/**
 * A post and the comments that follow it, in one transaction (one commit instead of one per
 * comment). Should that transaction fail, each is applied on its own, so a comment the database
 * refuses costs only itself.
 */
export async function applyPostWithComments(ctx: ImportContext, post: ContentRecord, comments: CommentRecord[]): Promise<void> {
  let reports: (() => void)[] = [];
  let written: boolean;
  try {
    written = await writePost(ctx, post, recordFingerprint(post), async (tx, articleId) => {
      reports = await writeCommentsOf(ctx, tx, articleId, comments);
    });
  } catch {
    ctx.ledger.forget();
    for (const r of [post, ...comments]) await applyRecord(ctx, r);
    return;
  }
  if (written) for (const report of reports) report();
  else for (const c of comments) await applyRecord(ctx, c);
}
