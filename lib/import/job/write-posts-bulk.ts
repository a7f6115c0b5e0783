import 'server-only';
import { importedArticleContent, type ImportedArticle } from '@/lib/articles/imported';
import { articlePath } from '@/lib/articles/urls';
import { currentApiKey } from '@/lib/api-keys/context';
import { db } from '@/lib/db';
import { hashIdentifier } from '@/lib/hash';
import { recordFingerprint } from '@/lib/import/fingerprint';
import type { CommentRecord, ContentRecord } from '@/lib/import/records';
import { getBodyImages } from '@/lib/media';
import { addRedirect } from '@/lib/redirects';
import { oldPathKeyOf } from '@/lib/redirects/old-path';
import { freeSlug } from '@/lib/slug';
import type { ImportContext } from './context';
import type { LedgerEntry, LedgerKind } from './ledger';
import { insertRows, newId } from './bulk-insert';
import { tally } from './report';
import { planComment } from './write-comments';
import { bylineOf, importedArticleOf, noteMappings, resolveImages, termsOf } from './write-posts';

// Posts seen for the first time, with their comments, written many at once: one transaction
// and one statement per table for the whole group (articles, bylines, tags, revisions, audit
// entries, old-address redirects, comments, ledger rows) instead of about twenty statements a
// post. Ids are made here, so comments can name their article and parent before anything is
// written, and all the work but the writes is done before the transaction opens (a connection
// held for seconds is what the PostgreSQL pool's watchdog takes for a dead server). Should the
// group's transaction fail, nothing of it is kept and the caller applies
// each post on its own (writePost), so one bad post still costs only itself; the ledger keeps
// the whole thing idempotent and resumable as before.

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
type Row = { kind: LedgerKind; originalId: string; entry: LedgerEntry };
export type NewPost = { post: ContentRecord; comments: CommentRecord[] };
type CommentRow = {
  id: string;
  articleId: string;
  parentId: string | null;
  status: CommentRecord['status'];
  authorName: string;
  authorEmail: CommentRecord['authorEmail'];
  authorUrl: CommentRecord['authorUrl'];
  body: string;
  ipHash: string | null;
  userId: string | null;
  createdAt?: Date;
};

const GROUP_TRANSACTION = { maxWait: 10_000, timeout: 120_000 };

/** Whether a post (and each of its comments) is new to this import, so it can go in a group. */
export async function isNewPost(ctx: ImportContext, post: ContentRecord, comments: CommentRecord[]): Promise<boolean> {
  if (ctx.dryRun || (await ctx.ledger.find('post', post.originalId))) return false;
  for (const c of comments) if (await ctx.ledger.find('comment', c.originalId)) return false;
  return true;
}

/** Frees slugs for the group: one query for all, then the usual -2, -3 … for the few taken. */
async function slugsFor(tx: Tx, wanted: string[]): Promise<string[]> {
  const taken = new Set((await tx.article.findMany({ where: { slug: { in: [...new Set(wanted)] } }, select: { slug: true } })).map((a) => a.slug));
  const out: string[] = [];
  for (const base of wanted) {
    const slug = taken.has(base) ? await freeSlug(base, async (s) => taken.has(s) || !!(await tx.article.findUnique({ where: { slug: s }, select: { id: true } }))) : base;
    taken.add(slug);
    out.push(slug);
  }
  return out;
}

/** The old addresses of the group, answering 301 to the new articles (addRedirect's rules, in bulk where nothing else points there). */
async function redirectsFor(tx: Tx, pairs: { from: string; to: string }[]): Promise<void> {
  const byFrom = new Map<string, string>();
  for (const { from, to } of pairs) if (from !== to) byFrom.set(from, to);
  if (!byFrom.size) return;
  const froms = [...byFrom.keys()];
  const [existing, chained] = await Promise.all([
    tx.redirect.findMany({ where: { fromPath: { in: froms } }, select: { fromPath: true } }),
    tx.redirect.findMany({ where: { toPath: { in: froms } }, select: { toPath: true } }),
  ]);
  const special = new Set([...existing.map((r) => r.fromPath), ...chained.map((r) => r.toPath)]);
  await tx.redirect.deleteMany({ where: { fromPath: { in: [...new Set(byFrom.values())] } } });
  const plain = froms.filter((f) => !special.has(f));
  await insertRows(
    tx,
    'redirect',
    plain.map((fromPath) => ({ id: newId(), fromPath, toPath: byFrom.get(fromPath)!, statusCode: 301 })),
  );
  for (const from of froms.filter((f) => special.has(f))) await addRedirect(tx, from, byFrom.get(from)!);
}

/** Comments in an order where every parent comes before its replies. */
function parentsFirst<T extends { id: string; parentId: string | null }>(rows: T[]): T[] {
  const ids = new Set(rows.map((r) => r.id));
  const done = new Set<string>();
  const out: T[] = [];
  let rest = rows;
  while (rest.length) {
    const next = rest.filter((r) => r.parentId && ids.has(r.parentId) && !done.has(r.parentId));
    const ready = rest.filter((r) => !next.includes(r));
    if (!ready.length) return [...out, ...rest]; // a cycle: leave it to the database to refuse
    for (const r of ready) {
      done.add(r.id);
      out.push(r);
    }
    rest = next;
  }
  return out;
}

/**
 * Writes a group of new posts with their comments in one transaction. Returns false (nothing
 * written, nothing reported) when the transaction failed: apply the group one post at a time.
 */
export async function writeNewPosts(ctx: ImportContext, group: NewPost[]): Promise<boolean> {
  // A failed group is applied again one post at a time: its notes and tallies must not count twice.
  const before = structuredClone(ctx.report);
  const commentIdOf = new Map<string, string>();
  for (const { comments } of group) for (const c of comments) commentIdOf.set(c.originalId, newId());
  // Everything but the writes happens before the transaction (images, bylines, terms, HTML,
  // comment plans), so it holds its connection only for the statements. The section and tags a
  // post names are found or made first, as shared things that outlive a post that fails.
  const articles: { id: string; post: ContentRecord; a: ImportedArticle; content: ReturnType<typeof importedArticleContent> }[] = [];
  const comments: CommentRow[] = [];
  const reports: (() => void)[] = [];
  const rows: Row[] = [];
  for (const { post, comments: replies } of group) {
    const id = newId();
    const { heroImageId, doc } = await resolveImages(ctx, post);
    const a = importedArticleOf(post, { doc, heroImageId, authorIds: await bylineOf(ctx, post), ...(await termsOf(ctx, db, post)) });
    articles.push({ id, post, a, content: importedArticleContent(a, await getBodyImages(doc)) });
    rows.push({ kind: 'post', originalId: post.originalId, entry: { entityId: id, fingerprint: recordFingerprint(post), entityVersion: 1 } });
    for (const c of replies) {
      const fingerprint = recordFingerprint(c);
      const plan = await planComment(ctx, c, fingerprint, id);
      if (plan.report) {
        reports.push(plan.report);
        continue;
      }
      const commentId = commentIdOf.get(c.originalId)!;
      comments.push({
        id: commentId,
        articleId: id,
        parentId: c.parentOriginalId ? (commentIdOf.get(c.parentOriginalId) ?? (await ctx.ledger.id('comment', c.parentOriginalId))) : null,
        status: c.status,
        authorName: c.authorName || 'Anonymous',
        authorEmail: c.authorEmail,
        authorUrl: c.authorUrl,
        body: c.body,
        ipHash: c.authorIp ? hashIdentifier(c.authorIp) : null,
        userId: await ctx.ledger.id('user', c.userOriginalId),
        ...(c.createdAt ? { createdAt: new Date(c.createdAt) } : {}),
      });
      rows.push({ kind: 'comment', originalId: c.originalId, entry: { entityId: commentId, fingerprint, entityVersion: null } });
      reports.push(() => tally(ctx.report, 'comment', 'imported'));
    }
  }
  // A reply whose parent was skipped (a pingback, an empty comment) hangs from the post instead.
  const written = new Set(comments.map((c) => c.id));
  const ours = new Set(commentIdOf.values());
  for (const c of comments) if (c.parentId && ours.has(c.parentId) && !written.has(c.parentId)) c.parentId = null;
  const apiKey = currentApiKey();
  try {
    await db.$transaction(async (tx) => {
      const slugs = await slugsFor(
        tx,
        articles.map((x) => x.post.slug),
      );
      const now = new Date();
      await insertRows(
        tx,
        'article',
        articles.map(({ id, a, content }, i) => ({
          id,
          title: content.title,
          slug: slugs[i]!,
          standfirst: content.standfirst,
          bodyJson: content.bodyJson,
          bodyHtml: content.bodyHtml,
          wordCount: content.wordCount,
          status: content.status,
          publishedAt: content.publishedAt,
          scheduledAt: content.scheduledAt,
          sectionId: content.sectionId,
          heroImageId: content.heroImageId,
          seoTitle: content.seoTitle,
          seoDescription: content.seoDescription,
          canonicalUrl: content.canonicalUrl,
          sticky: content.sticky,
          commentsOpen: content.commentsOpen,
          createdAt: a.createdAt ?? now,
          updatedAt: a.updatedAt ?? now,
        })),
      );
      await insertRows(
        tx,
        'articleAuthor',
        articles.flatMap(({ id, a }) => [...new Set(a.authorIds)].map((userId, position) => ({ articleId: id, userId, position }))),
      );
      await insertRows(
        tx,
        'articleTag',
        articles.flatMap(({ id, a }) => [...new Set(a.tagIds)].map((tagId) => ({ articleId: id, tagId }))),
      );
      await insertRows(
        tx,
        'articleRevision',
        articles.map(({ id, a }) => ({ id: newId(), articleId: id, version: 1, title: a.title, standfirst: a.standfirst, bodyJson: a.bodyJson, status: a.status, authorId: ctx.actor.id })),
      );
      await insertRows(
        tx,
        'auditLog',
        articles.map(({ id, a }) => ({
          id: newId(),
          actorId: ctx.actor.id,
          action: 'article.imported',
          entityType: 'article',
          entityId: id,
          summary: a.title,
          data: apiKey ? { apiKey } : null,
        })),
      );
      await redirectsFor(
        tx,
        articles.flatMap(({ post }, i) => post.oldPaths.map((o) => ({ from: oldPathKeyOf(o) ?? '', to: articlePath(slugs[i]!) })).filter((r) => r.from)),
      );
      await insertRows(tx, 'comment', parentsFirst(comments));
      await ctx.ledger.createMany(tx, rows);
    }, GROUP_TRANSACTION);
  } catch (e) {
    console.error(`import: a group of ${group.length} new posts could not be written together; writing them one by one`, e instanceof Error ? e.message.split('\n').pop() : e);
    ctx.ledger.forget();
    Object.assign(ctx.report, before);
    return false;
  }
  ctx.ledger.known(rows);
  for (const { post } of group) noteMappings(ctx, post);
  for (const { id } of articles) {
    ctx.touchedArticles.add(id);
    tally(ctx.report, 'post', 'imported');
  }
  for (const report of reports) report();
  return true;
}
