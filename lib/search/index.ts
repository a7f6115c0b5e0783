import 'server-only';
import { bodyDocSchema, docToPlainText } from '@/lib/articles/body';
import { db, readPublic, type Db } from '@/lib/db';
import { env } from '@/lib/env';
import { cleanIndexText, highlightSegments, type HighlightSegment } from './highlight';
import { buildFtsQuery, buildWebsearchQuery, MARK_END, MARK_START } from './query';

// Full-text search over published articles: title, standfirst and body.
// SQLite: the FTS5 table "ArticleSearch" (porter/unicode61, bm25 with the title weighted
// highest), addressed through "ArticleSearchKey" (article id <-> FTS rowid).
// PostgreSQL: "ArticleSearch" with a weighted tsvector and a GIN index; websearch_to_tsquery,
// ts_rank_cd and ts_headline. Both are created by hand-written migrations.
// Only PUBLISHED articles are in the index: reindexArticle() runs after every change, and
// the rows shown are still joined to "Article" on its status, so a stale entry never shows a
// draft (it could only make a total one too high until the next reindex).

export { highlightHtml, highlightSegments, type HighlightSegment } from './highlight';
export { buildFtsQuery, buildWebsearchQuery, parseSearchQuery } from './query';

type Client = Pick<Db, '$executeRawUnsafe' | '$queryRawUnsafe'>;

const provider = () => env.DATABASE_PROVIDER;

/** A search query: on a read replica when the request may use one (lib/db readPublic), else the primary. */
const read = <T>(sql: string, ...params: unknown[]) => readPublic(db, (client) => client.$queryRawUnsafe<T>(sql, ...params));

export type SearchHit = {
  id: string;
  slug: string;
  /** The title with matched words marked. */
  title: HighlightSegment[];
  /** The standfirst or a passage of the body around the matches, with matched words marked. */
  excerpt: HighlightSegment[];
  publishedAt: Date;
  section: { name: string; slug: string } | null;
  authors: { name: string; slug: string }[];
  rank: number;
};

/** `capped`: more than RANK_WINDOW articles match; `total` is then RANK_WINDOW and the hits are the best of the newest matches. */
export type SearchResults = { query: string; hits: SearchHit[]; total: number; capped: boolean; page: number; pages: number; perPage: number };

/** A match of the page, marked, with what its card shows (SQL the search runs itself: no model queries). */
type Row = {
  id: string;
  rank: number;
  title: string;
  standfirst: string;
  body: string;
  slug: string;
  publishedAt: Date | string | null;
  sectionName: string | null;
  sectionSlug: string | null;
  /** JSON: [{ name, slug }] in byline order. */
  authors: string;
};
type Found = { rows: Row[]; total: number; capped: boolean };

/**
 * At most this many matches are ranked: the most recently published ones. A query that matches
 * more (a very common word) is answered from the newest RANK_WINDOW matches, ranked, and says
 * "more than 1,000 found" rather than counting and scoring every story in the archive, which
 * costs a bm25/ts_rank computation per match (hundreds of milliseconds at 100,000 articles).
 * The content API's ranked lists stop at the same number.
 */
export const RANK_WINDOW = 1000;

const hasMark = (s: string | null | undefined) => !!s && s.includes(MARK_START);

/**
 * The newest `window` matches ranked, best first (ties newest first), and whether more match: one
 * walk of FTS5's doclists from the newest rowid, stopping after window + 1, with bm25 ("rank",
 * weights set in the migration) read per row, so only the window is scored; sorted here.
 */
async function rankedSqliteWindow(match: string, window: number): Promise<{ ranked: { rowid: number; rank: number }[]; capped: boolean }> {
  // Index rowids follow publication order: the index is built oldest first and a newly
  // published article gets the next rowid (rebuildSearchIndex, writeToIndex). Selecting "rank"
  // without ORDER BY rank keeps FTS5 on the rowid order instead of scoring every match.
  const newest = await read<{ rowid: number | bigint; rank: number }[]>(`SELECT rowid, rank FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ? ORDER BY rowid DESC LIMIT ?`, match, window + 1);
  const ranked = newest.slice(0, window).map((r) => ({ rowid: Number(r.rowid), rank: Number(r.rank) }));
  // Lower bm25 is better; the sort is stable, so equal ranks stay newest first.
  ranked.sort((x, y) => x.rank - y.rank);
  return { ranked, capped: newest.length > window };
}

async function querySqlite(match: string, take: number, skip: number, rankWindow: number): Promise<Found> {
  // Rank on the FTS5 table alone: joining every match to "Article" costs a random read per
  // match. Only the page's rows are then marked (CROSS JOIN keeps SQLite from driving the join
  // from the other table); the card query below checks that they are published.
  const window = await rankedSqliteWindow(match, rankWindow);
  const { capped } = window;
  const total = window.ranked.length;
  const ranked = window.ranked.slice(skip, skip + take);
  if (!ranked.length) return { rows: [], total, capped };
  const rowids = ranked.map((r) => Number(r.rowid));
  // The page's rows marked, with their cards, in one statement: ten rowid seeks in the index.
  const marked = await read<(Row & { rowid: number | bigint })[]>(
    `SELECT s.rowid AS rowid, a.id AS id, 0 AS rank,
            highlight("ArticleSearch", 0, ?, ?) AS title,
            highlight("ArticleSearch", 1, ?, ?) AS standfirst,
            snippet("ArticleSearch", 2, ?, ?, '…', 30) AS body,
            a.slug AS slug, a."publishedAt" AS "publishedAt", sec.name AS "sectionName", sec.slug AS "sectionSlug",
            (SELECT json_group_array(json_object('name', b.name, 'slug', b.slug))
               FROM (SELECT u.name, u.slug FROM "ArticleAuthor" aa JOIN "User" u ON u.id = aa."userId" WHERE aa."articleId" = a.id ORDER BY aa.position) b) AS authors
       FROM "ArticleSearch" s
       CROSS JOIN "ArticleSearchKey" k ON k.rowid = s.rowid
       CROSS JOIN "Article" a ON a.id = k."articleId"
       LEFT JOIN "Section" sec ON sec.id = a."sectionId"
      WHERE "ArticleSearch" MATCH ? AND s.rowid IN (${rowids.map(() => '?').join(', ')}) AND a.status = 'PUBLISHED'`,
    ...[MARK_START, MARK_END, MARK_START, MARK_END, MARK_START, MARK_END],
    match,
    ...rowids,
  );
  const byRowid = new Map(marked.map((m) => [Number(m.rowid), m]));
  const rows = ranked.flatMap((r) => {
    const m = byRowid.get(Number(r.rowid));
    return m ? [{ ...m, rank: r.rank }] : [];
  });
  return { rows, total, capped };
}

const HEADLINE_WHOLE = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
const HEADLINE_PASSAGE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * The newest RANK_WINDOW (+1) published matches with their rank, best first (ties newest
 * first). PostgreSQL finds the matches with the GIN index and scores only the window
 * (ts_rank_cd is evaluated after the LIMIT).
 */
async function rankedPostgresWindow(websearch: string, rankWindow: number): Promise<{ ids: { id: string; rank: number }[]; total: number; capped: boolean }> {
  // The rank is computed outside the LIMIT: only the window's documents are scored, not every match.
  const newest = await read<{ id: string; rank: number }[]>(
    `SELECT w.id, ts_rank_cd(w.document, w.q)::float8 AS rank
       FROM (SELECT s."articleId" AS id, s.document, q, a."publishedAt", a.id AS "articleId"
               FROM "ArticleSearch" s JOIN "Article" a ON a.id = s."articleId", websearch_to_tsquery('broadsheet_search', $1) q
              WHERE s.document @@ q AND a.status = 'PUBLISHED'
              ORDER BY a."publishedAt" DESC, a.id DESC
              LIMIT $2) w
      ORDER BY w."publishedAt" DESC, w."articleId" DESC`,
    websearch,
    rankWindow + 1,
  );
  const capped = newest.length > rankWindow;
  const window = newest.slice(0, rankWindow);
  // Best first; equal ranks newest first (the window is newest first and the sort is stable).
  window.sort((a, b) => Number(b.rank) - Number(a.rank));
  return { ids: window.map((w) => ({ id: w.id, rank: Number(w.rank) })), total: window.length, capped };
}

async function queryPostgres(websearch: string, take: number, skip: number, rankWindow: number): Promise<Found> {
  const { ids, total, capped } = await rankedPostgresWindow(websearch, rankWindow);
  const page = ids.slice(skip, skip + take);
  if (!page.length) return { rows: [], total, capped };
  // Headlines for the page only (ts_headline re-parses the text), with the cards, in one statement.
  const marked = await read<Row[]>(
    `SELECT s."articleId" AS id,
            ts_headline('broadsheet_search', s.title, q, $2) AS title,
            ts_headline('broadsheet_search', s.standfirst, q, $2) AS standfirst,
            ts_headline('broadsheet_search', s.body, q, $3) AS body,
            a.slug, a."publishedAt", sec.name AS "sectionName", sec.slug AS "sectionSlug",
            (SELECT coalesce(json_agg(json_build_object('name', u.name, 'slug', u.slug) ORDER BY aa.position), '[]'::json)
               FROM "ArticleAuthor" aa JOIN "User" u ON u.id = aa."userId" WHERE aa."articleId" = a.id)::text AS authors
       FROM "ArticleSearch" s
       JOIN "Article" a ON a.id = s."articleId"
       LEFT JOIN "Section" sec ON sec.id = a."sectionId",
       websearch_to_tsquery('broadsheet_search', $1) q
      WHERE s."articleId" = ANY($4::text[]) AND a.status = 'PUBLISHED'`,
    websearch,
    HEADLINE_WHOLE,
    HEADLINE_PASSAGE,
    page.map((p) => p.id),
  );
  const byId = new Map(marked.map((m) => [m.id, m]));
  const rows = page.flatMap((p) => {
    const m = byId.get(p.id);
    return m ? [{ ...m, rank: p.rank }] : [];
  });
  return { rows, total, capped };
}

/**
 * Published articles matching the reader's query, best match first (title matches rank
 * above standfirst, standfirst above body), with marked title and excerpt. A query with
 * nothing searchable in it (only punctuation or exclusions) finds nothing.
 */
export async function searchArticles(input: { q: string; page?: number; perPage?: number; now?: Date; rankWindow?: number }): Promise<SearchResults> {
  const rankWindow = input.rankWindow ?? RANK_WINDOW;
  const perPage = Math.min(Math.max(input.perPage ?? 10, 1), 100);
  const page = Math.max(input.page ?? 1, 1);
  const empty: SearchResults = { query: input.q, hits: [], total: 0, capped: false, page, pages: 1, perPage };
  const skip = (page - 1) * perPage;
  let result: Found;
  if (provider() === 'sqlite') {
    const match = buildFtsQuery(input.q);
    if (!match) return empty;
    result = await querySqlite(match, perPage, skip, rankWindow);
  } else {
    const websearch = buildWebsearchQuery(input.q);
    if (!websearch) return empty;
    result = await queryPostgres(websearch, perPage, skip, rankWindow);
  }
  const now = input.now ?? new Date();
  const hits: SearchHit[] = [];
  for (const row of result.rows) {
    // publishedOnly(), applied here: published (checked in SQL), and not dated in the future.
    const publishedAt = row.publishedAt === null ? null : new Date(row.publishedAt);
    if (!publishedAt || publishedAt > now) continue;
    const excerpt = hasMark(row.standfirst) || !hasMark(row.body) ? row.standfirst || row.body : row.body;
    hits.push({
      id: row.id,
      slug: row.slug,
      title: highlightSegments(row.title ?? ''),
      excerpt: highlightSegments(excerpt ?? ''),
      publishedAt,
      section: row.sectionName !== null && row.sectionSlug !== null ? { name: row.sectionName, slug: row.sectionSlug } : null,
      authors: JSON.parse(row.authors || '[]') as { name: string; slug: string }[],
      rank: Number(row.rank),
    });
  }
  return { ...empty, hits, total: result.total, capped: result.capped, pages: Math.max(1, Math.ceil(result.total / perPage)) };
}

/**
 * Ids of published articles matching `q`, best first, for callers that load their own
 * shapes (the content API). Same query handling and ranking as searchArticles.
 */
export async function searchArticleIds(q: string, { take, skip = 0 }: { take: number; skip?: number }): Promise<string[]> {
  if (provider() === 'sqlite') {
    const match = buildFtsQuery(q);
    if (!match) return [];
    const page = (await rankedSqliteWindow(match, RANK_WINDOW)).ranked.slice(skip, skip + take);
    if (!page.length) return [];
    const rows = await read<{ rowid: number | bigint; id: string }[]>(
      `SELECT k.rowid AS rowid, k."articleId" AS id
         FROM "ArticleSearchKey" k JOIN "Article" a ON a.id = k."articleId"
        WHERE k.rowid IN (${page.map(() => '?').join(', ')}) AND a.status = 'PUBLISHED'`,
      ...page.map((r) => r.rowid),
    );
    const idOf = new Map(rows.map((r) => [Number(r.rowid), r.id]));
    return page.flatMap((r) => (idOf.has(r.rowid) ? [idOf.get(r.rowid)!] : []));
  }
  const websearch = buildWebsearchQuery(q);
  if (!websearch) return [];
  const { ids } = await rankedPostgresWindow(websearch, RANK_WINDOW);
  return ids.slice(skip, skip + take).map((r) => r.id);
}

type IndexSource = { id: string; title: string; standfirst: string; bodyJson: unknown; bodyHtml: string };

const MAX_BODY_CHARS = 200_000;

/** The three indexed texts of an article; the body comes from its document, else from its stored HTML. */
export function indexTextOf(a: Pick<IndexSource, 'title' | 'standfirst' | 'bodyJson' | 'bodyHtml'>) {
  const doc = bodyDocSchema.safeParse(a.bodyJson);
  const body = doc.success
    ? docToPlainText(doc.data)
    : a.bodyHtml.replace(/<[^>]*>/g, ' ').replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
  return { title: cleanIndexText(a.title), standfirst: cleanIndexText(a.standfirst), body: cleanIndexText(body).slice(0, MAX_BODY_CHARS) };
}

async function removeFromIndex(client: Client, articleId: string) {
  if (provider() === 'sqlite') {
    await client.$executeRawUnsafe(`DELETE FROM "ArticleSearch" WHERE rowid = (SELECT rowid FROM "ArticleSearchKey" WHERE "articleId" = ?)`, articleId);
    await client.$executeRawUnsafe(`DELETE FROM "ArticleSearchKey" WHERE "articleId" = ?`, articleId);
  } else {
    await client.$executeRawUnsafe(`DELETE FROM "ArticleSearch" WHERE "articleId" = $1`, articleId);
  }
}

async function writeToIndex(client: Client, a: IndexSource) {
  const t = indexTextOf(a);
  if (provider() === 'sqlite') {
    await client.$executeRawUnsafe(`INSERT INTO "ArticleSearchKey"("articleId") VALUES (?) ON CONFLICT("articleId") DO NOTHING`, a.id);
    await client.$executeRawUnsafe(`DELETE FROM "ArticleSearch" WHERE rowid = (SELECT rowid FROM "ArticleSearchKey" WHERE "articleId" = ?)`, a.id);
    await client.$executeRawUnsafe(
      `INSERT INTO "ArticleSearch"(rowid, title, standfirst, body) SELECT rowid, ?, ?, ? FROM "ArticleSearchKey" WHERE "articleId" = ?`,
      t.title,
      t.standfirst,
      t.body,
      a.id,
    );
  } else {
    await client.$executeRawUnsafe(
      `INSERT INTO "ArticleSearch"("articleId", title, standfirst, body) VALUES ($1, $2, $3, $4)
       ON CONFLICT ("articleId") DO UPDATE SET title = EXCLUDED.title, standfirst = EXCLUDED.standfirst, body = EXCLUDED.body`,
      a.id,
      t.title,
      t.standfirst,
      t.body,
    );
  }
}

const sourceSelect = { id: true, title: true, standfirst: true, bodyJson: true, bodyHtml: true, status: true } as const;

/**
 * Brings one article's index entry in line with the article: indexed while PUBLISHED,
 * removed otherwise (draft, scheduled, archived, deleted). Call it after the change commits.
 */
export async function reindexArticle(id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const a = await tx.article.findUnique({ where: { id }, select: sourceSelect });
    if (a?.status === 'PUBLISHED') await writeToIndex(tx, a);
    else await removeFromIndex(tx, id);
  });
}

/** Articles brought in line together by reindexArticles: one read and a few statements per chunk. */
const REINDEX_CHUNK = 100;

/**
 * reindexArticle for several articles, a chunk at a time (one read, one transaction and a
 * handful of statements per chunk rather than per article: an import ends by reindexing
 * thousands). A chunk that fails is retried one article at a time; a failure is logged, not
 * thrown, so the saved change still answers.
 */
export async function reindexArticles(ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += REINDEX_CHUNK) {
    const chunk = [...new Set(ids.slice(i, i + REINDEX_CHUNK))];
    if (chunk.length > 1) {
      try {
        await reindexChunk(chunk);
        continue;
      } catch (e) {
        console.error(`search: could not reindex ${chunk.length} articles together; reindexing them one by one`, e instanceof Error ? e.message : e);
      }
    }
    for (const id of chunk) {
      try {
        await reindexArticle(id);
      } catch (e) {
        console.error(`search: could not reindex article ${id}; run \`npm run db:reindex\` to rebuild the index`, e);
      }
    }
  }
}

async function reindexChunk(ids: string[]): Promise<void> {
  await db.$transaction(async (tx) => {
    const rows = await tx.article.findMany({ where: { id: { in: ids } }, select: { ...sourceSelect, publishedAt: true } });
    // Oldest first, so that index rowids follow publication order (the search ranks the newest matches).
    const published = rows.filter((a) => a.status === 'PUBLISHED').sort((a, b) => (a.publishedAt?.getTime() ?? 0) - (b.publishedAt?.getTime() ?? 0));
    const indexed = new Set(published.map((a) => a.id));
    await removeManyFromIndex(
      tx,
      ids.filter((id) => !indexed.has(id)),
    );
    await writeManyToIndex(tx, published);
  });
}

const marks = (n: number, from = 1) => Array.from({ length: n }, (_, i) => (provider() === 'sqlite' ? '?' : `$${from + i}`)).join(', ');

async function removeManyFromIndex(client: Client, articleIds: string[]) {
  if (!articleIds.length) return;
  if (provider() === 'sqlite') {
    await client.$executeRawUnsafe(`DELETE FROM "ArticleSearch" WHERE rowid IN (SELECT rowid FROM "ArticleSearchKey" WHERE "articleId" IN (${marks(articleIds.length)}))`, ...articleIds);
    await client.$executeRawUnsafe(`DELETE FROM "ArticleSearchKey" WHERE "articleId" IN (${marks(articleIds.length)})`, ...articleIds);
  } else {
    await client.$executeRawUnsafe(`DELETE FROM "ArticleSearch" WHERE "articleId" IN (${marks(articleIds.length)})`, ...articleIds);
  }
}

/** writeToIndex for several articles (in the order given, which sets new entries' rowids on SQLite). */
async function writeManyToIndex(client: Client, articles: IndexSource[]) {
  if (!articles.length) return;
  const texts = articles.map((a) => ({ id: a.id, ...indexTextOf(a) }));
  if (provider() === 'sqlite') {
    const ids = texts.map((t) => t.id);
    await client.$executeRawUnsafe(`INSERT INTO "ArticleSearchKey"("articleId") VALUES ${ids.map(() => '(?)').join(', ')} ON CONFLICT("articleId") DO NOTHING`, ...ids);
    const keys = await client.$queryRawUnsafe<{ rowid: number | bigint; articleId: string }[]>(`SELECT rowid, "articleId" FROM "ArticleSearchKey" WHERE "articleId" IN (${marks(ids.length)})`, ...ids);
    const rowidOf = new Map(keys.map((k) => [k.articleId, Number(k.rowid)]));
    const rowids = ids.map((id) => rowidOf.get(id)!);
    await client.$executeRawUnsafe(`DELETE FROM "ArticleSearch" WHERE rowid IN (${marks(rowids.length)})`, ...rowids);
    await client.$executeRawUnsafe(
      `INSERT INTO "ArticleSearch"(rowid, title, standfirst, body) VALUES ${texts.map(() => '(?, ?, ?, ?)').join(', ')}`,
      ...texts.flatMap((t) => [rowidOf.get(t.id)!, t.title, t.standfirst, t.body]),
    );
  } else {
    await client.$executeRawUnsafe(
      `INSERT INTO "ArticleSearch"("articleId", title, standfirst, body) VALUES ${texts.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4})`).join(', ')}
       ON CONFLICT ("articleId") DO UPDATE SET title = EXCLUDED.title, standfirst = EXCLUDED.standfirst, body = EXCLUDED.body`,
      ...texts.flatMap((t) => [t.id, t.title, t.standfirst, t.body]),
    );
  }
}

/**
 * Rebuilds the whole index from the published articles, in batches inside transactions.
 * Used after the migration that creates the index, by the seed and by the benches.
 */
export async function rebuildSearchIndex({ batchSize = 500, onProgress }: { batchSize?: number; onProgress?: (done: number) => void } = {}): Promise<number> {
  const sqlite = provider() === 'sqlite';
  if (sqlite) {
    await db.$executeRawUnsafe(`DELETE FROM "ArticleSearch"`);
    await db.$executeRawUnsafe(`DELETE FROM "ArticleSearchKey"`);
  } else {
    await db.$executeRawUnsafe(`TRUNCATE "ArticleSearch"`);
  }
  let done = 0;
  // Oldest first, so that index rowids follow publication order (the search ranks the newest
  // matches). The order is read once, from the (status, publishedAt, id) index; each batch is then
  // fetched by primary key (a cursor over the sort would have the database re-sort on every batch).
  const order = await db.article.findMany({ where: { status: 'PUBLISHED' }, orderBy: [{ publishedAt: 'asc' }, { id: 'asc' }], select: { id: true } });
  for (let start = 0; start < order.length; start += batchSize) {
    const ids = order.slice(start, start + batchSize).map((a) => a.id);
    const byId = new Map((await db.article.findMany({ where: { id: { in: ids }, status: 'PUBLISHED' }, select: sourceSelect })).map((a) => [a.id, a]));
    const batch = ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    if (!batch.length) continue;
    const texts = batch.map((a) => ({ id: a.id, ...indexTextOf(a) }));
    await db.$transaction(async (tx) => {
      if (sqlite) {
        await tx.$executeRawUnsafe(`INSERT INTO "ArticleSearchKey"("articleId") VALUES ${texts.map(() => '(?)').join(', ')} ON CONFLICT DO NOTHING`, ...texts.map((t) => t.id));
        const keys = await tx.$queryRawUnsafe<{ rowid: number | bigint; articleId: string }[]>(
          `SELECT rowid, "articleId" FROM "ArticleSearchKey" WHERE "articleId" IN (${texts.map(() => '?').join(', ')})`,
          ...texts.map((t) => t.id),
        );
        const rowidOf = new Map(keys.map((k) => [k.articleId, Number(k.rowid)]));
        await tx.$executeRawUnsafe(
          `INSERT INTO "ArticleSearch"(rowid, title, standfirst, body) VALUES ${texts.map(() => '(?, ?, ?, ?)').join(', ')}`,
          ...texts.flatMap((t) => [rowidOf.get(t.id)!, t.title, t.standfirst, t.body]),
        );
      } else {
        await tx.$executeRawUnsafe(
          `INSERT INTO "ArticleSearch"("articleId", title, standfirst, body) VALUES ${texts.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4})`).join(', ')}`,
          ...texts.flatMap((t) => [t.id, t.title, t.standfirst, t.body]),
        );
      }
    });
    done += batch.length;
    onProgress?.(done);
  }
  // Merge FTS5's segments into one b-tree: fewer lookups per query after a bulk load.
  if (sqlite) await db.$executeRawUnsafe(`INSERT INTO "ArticleSearch"("ArticleSearch") VALUES ('optimize')`);
  else await db.$executeRawUnsafe(`ANALYZE "ArticleSearch"`);
  return done;
}

/** Published articles and index entries, to tell whether the index needs a rebuild. */
export async function searchIndexCounts(): Promise<{ published: number; indexed: number }> {
  const published = await db.article.count({ where: { status: 'PUBLISHED' } });
  const table = provider() === 'sqlite' ? '"ArticleSearchKey"' : '"ArticleSearch"';
  const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n FROM ${table}`);
  return { published, indexed: Number(row?.n ?? 0) };
}
