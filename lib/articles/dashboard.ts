import 'server-only';
import { hasRole } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { StaffUser } from '@/lib/users';
import { dashboardArticlesQuerySchema, encodeDashboardCursor, type DashboardArticlesQuery, type DashboardCursor, type DashboardSort } from '@/lib/validation/articles';

export const DASHBOARD_PAGE_SIZE = 50;
/** Counts stop here ("more than 10,000"): an exact count of a large filtered set costs a scan of it on every page. */
export const DASHBOARD_COUNT_CAP = 10_000;

export type DashboardArticle = {
  id: string;
  title: string;
  status: string;
  updatedAt: Date;
  publishedAt: Date | null;
  section: string | null;
  authors: string[];
};

export type DashboardPage = {
  articles: DashboardArticle[];
  /** Exact up to DASHBOARD_COUNT_CAP; `totalCapped` says there are more. */
  total: number;
  totalCapped: boolean;
  /** The page's number: read by offset, or carried along by the cursor links (a label then). */
  page: number;
  /** Pages known to exist (a lower bound when the total is capped). */
  pages: number;
  /** Cursors for "Previous page" / "Next page"; null when there is none. */
  prevCursor: string | null;
  nextCursor: string | null;
};

type Where = Record<string, unknown>;
type SortField = 'updatedAt' | 'publishedAt' | 'title';
type Dir = 'asc' | 'desc';
/**
 * A run of the list in one index order. A sort is one or more runs read one after another: the
 * publication sort is "published, newest first" then "never published, newest id first", which
 * keeps NULLs last on both providers and lets each run walk a plain index (PostgreSQL cannot use
 * an ascending index for DESC NULLS LAST).
 */
type Run = { where: Where; field: SortField | null; dir: Dir };

const RUNS: Record<DashboardSort, Run[]> = {
  updated: [{ where: {}, field: 'updatedAt', dir: 'desc' }],
  published: [
    { where: { publishedAt: { not: null } }, field: 'publishedAt', dir: 'desc' },
    { where: { publishedAt: null }, field: null, dir: 'desc' },
  ],
  title: [{ where: {}, field: 'title', dir: 'asc' }],
};

const FIELD_OF: Record<DashboardSort, SortField> = { updated: 'updatedAt', published: 'publishedAt', title: 'title' };

const flip = (d: Dir): Dir => (d === 'asc' ? 'desc' : 'asc');

function orderOf(run: Run, dir: Dir): Where[] {
  return run.field ? [{ [run.field]: dir }, { id: dir }] : [{ id: dir }];
}

/**
 * Rows strictly beyond the cursor in `dir`. Written as a range on the sort column plus a tie-break
 * (k <= v AND (k < v OR id < i)) rather than the plain OR, so both planners bound the index walk.
 */
function beyond(run: Run, cursor: DashboardCursor, dir: Dir): Where {
  const [lte, lt] = dir === 'desc' ? (['lte', 'lt'] as const) : (['gte', 'gt'] as const);
  if (!run.field) return { id: { [lt]: cursor.id } };
  const value = run.field === 'title' ? cursor.value : new Date(cursor.value!);
  return { AND: [{ [run.field]: { [lte]: value } }, { OR: [{ [run.field]: { [lt]: value } }, { id: { [lt]: cursor.id } }] }] };
}

/** The run a cursor row belongs to. */
function runIndexOf(sort: DashboardSort, cursor: DashboardCursor): number {
  return sort === 'published' && cursor.value === null ? 1 : 0;
}

/**
 * The filters of the URL and the viewer's scope, as a Prisma where; `leave` drops one byline or
 * the tag rule, for a count that starts from that join table.
 */
function filterWhere(user: StaffUser, query: DashboardArticlesQuery, leave: { skipAuthor?: string; skipTag?: boolean } = {}): Where {
  const titleMatch = query.q ? (env.DATABASE_PROVIDER === 'postgresql' ? { contains: query.q, mode: 'insensitive' as const } : { contains: query.q }) : undefined;
  const authorIds = [...(hasRole(user.role, 'EDITOR') ? [] : [user.id]), ...(query.author ? [query.author] : [])];
  const skip = authorIds.indexOf(leave.skipAuthor ?? '');
  if (skip >= 0) authorIds.splice(skip, 1);
  return {
    ...(query.status ? { status: query.status } : {}),
    ...(query.section ? { sectionId: query.section === 'none' ? null : query.section } : {}),
    ...(titleMatch ? { title: titleMatch } : {}),
    ...(query.tag && !leave.skipTag ? { tags: { some: { tagId: query.tag } } } : {}),
    // Both rules must hold (own articles, and the chosen author): one `some` per id.
    ...(authorIds.length ? { AND: authorIds.map((userId) => ({ authors: { some: { userId } } })) } : {}),
  };
}

const both = (a: Where, b: Where): Where => ({ AND: [a, b] });

/** Bylines up to which a byline filter combined with another filter is read from that author's rows rather than along the sort's index. */
const GATHER_MAX = 20_000;

/**
 * How to read one run: along the sort's index (checking each article against the filters), or,
 * for a byline filter, from that author's ArticleAuthor rows (joined to their articles and
 * sorted). Walking the index is best while matches are dense; when a byline is combined with a
 * rare status or a title search, both planners still walk it (they misjudge LIMIT), through
 * every article. ArticleAuthor first: the LEFT JOIN Prisma writes for the relation order keeps
 * that author's rows the outer side on both providers.
 */
type Reader = (where: Where, orderBy: Where[], skip: number, take: number) => Promise<string[]>;

const walkIndex: Reader = async (where, orderBy, skip, take) => (await db.article.findMany({ where, orderBy: orderBy as never, skip, take, select: { id: true } })).map((r) => r.id);

const fromBylines =
  (userId: string): Reader =>
  async (where, orderBy, skip, take) =>
    (
      await db.articleAuthor.findMany({
        where: { userId, article: where },
        orderBy: orderBy.map((o) => ({ article: o })) as never,
        skip,
        take,
        select: { articleId: true },
      })
    ).map((r) => r.articleId);

/** The reader for this query, and the filters it applies on the article side. */
async function readerFor(user: StaffUser, query: DashboardArticlesQuery): Promise<{ read: Reader; filters: Where }> {
  const isEditor = hasRole(user.role, 'EDITOR');
  const authorId = isEditor ? query.author : user.id;
  // A byline alone is dense enough along the index (a page is found within a few thousand articles).
  const sparse = !!(query.status || query.section || query.tag || query.q || (!isEditor && query.author));
  if (authorId && sparse && (await db.articleAuthor.count({ where: { userId: authorId } })) <= GATHER_MAX) {
    return { read: fromBylines(authorId), filters: filterWhere(user, query, { skipAuthor: authorId }) };
  }
  return { read: walkIndex, filters: filterWhere(user, query) };
}

/**
 * Reads up to `take` ids through the runs in `dir` (the sort's own direction, or reversed for a
 * "Previous page"), starting beyond `cursor` or after skipping `skip` rows. Only ids are
 * selected, so each read is answered from the sort's index.
 */
async function readIds(read: Reader, filters: Where, sort: DashboardSort, dir: 'forward' | 'backward', take: number, from: { cursor?: DashboardCursor; skip?: number }): Promise<string[]> {
  const runs = RUNS[sort];
  const order = dir === 'forward' ? runs.map((_, i) => i) : runs.map((_, i) => runs.length - 1 - i);
  const start = from.cursor ? runIndexOf(sort, from.cursor) : order[0]!;
  let skip = from.skip ?? 0;
  const ids: string[] = [];
  for (const i of order.slice(order.indexOf(start))) {
    const run = runs[i]!;
    const runDir = dir === 'forward' ? run.dir : flip(run.dir);
    let where = both(filters, run.where);
    if (from.cursor && i === start) where = both(where, beyond(run, from.cursor, runDir));
    const rows = await read(where, orderOf(run, runDir), skip, take - ids.length);
    ids.push(...rows);
    if (ids.length >= take) break;
    // The skip went past this run's end: only then is it worth counting the run, to skip the rest further on.
    if (skip) skip -= rows.length ? skip : (await read(where, orderOf(run, runDir), 0, skip)).length;
  }
  return ids;
}

/**
 * Counts the filtered list, at most up to the cap. A byline or tag filter is counted from its join
 * table (that author's or tag's articles, a short index range); anything else walks the
 * update-order index for at most cap + 1 matches (an explicit order: Prisma orders a capped count
 * by id otherwise, which walks every article).
 */
async function countCapped(user: StaffUser, query: DashboardArticlesQuery): Promise<{ total: number; capped: boolean }> {
  const authorId = hasRole(user.role, 'EDITOR') ? query.author : user.id;
  if (authorId || query.tag) {
    const rest = filterWhere(user, query, authorId ? { skipAuthor: authorId } : { skipTag: true });
    const hasRest = Object.keys(rest).length > 0;
    const n = authorId
      ? await db.articleAuthor.count({ where: { userId: authorId, ...(hasRest ? { article: rest } : {}) } })
      : await db.articleTag.count({ where: { tagId: query.tag!, ...(hasRest ? { article: rest } : {}) } });
    return { total: Math.min(n, DASHBOARD_COUNT_CAP), capped: n > DASHBOARD_COUNT_CAP };
  }
  const n = await db.article.count({ where: filterWhere(user, query), orderBy: orderOf(RUNS.updated[0]!, 'desc') as never, take: DASHBOARD_COUNT_CAP + 1 });
  return { total: Math.min(n, DASHBOARD_COUNT_CAP), capped: n > DASHBOARD_COUNT_CAP };
}

function cursorOf(sort: DashboardSort, a: DashboardArticle): string {
  const v = a[FIELD_OF[sort]];
  return encodeDashboardCursor({ sort, value: v === null ? null : v instanceof Date ? v.toISOString() : v, id: a.id });
}

/**
 * The dashboard's articles list: filters, title search, sort and pages from the URL query.
 * Editors see every article; authors and contributors only those with them in the byline.
 * Pages are read in index order: by offset up to the page-number cap, by keyset cursor beyond.
 */
export async function listDashboardArticles(user: StaffUser, query: DashboardArticlesQuery): Promise<DashboardPage> {
  const { read, filters } = await readerFor(user, query);
  const size = DASHBOARD_PAGE_SIZE;
  let page = query.page;
  let ids: string[];
  let hasPrev: boolean;
  let hasNext: boolean;
  let offset: number | null = null;
  if (query.before) {
    ids = (await readIds(read, filters, query.sort, 'backward', size + 1, { cursor: query.before })).reverse();
    hasPrev = ids.length > size;
    if (hasPrev) ids = ids.slice(1);
    hasNext = true;
    // Back at the start (rows were removed above the cursor): show the first page whole.
    if (!hasPrev) page = 1;
    if (!hasPrev && ids.length < size) return listDashboardArticles(user, { ...query, before: undefined, page: 1 });
  } else if (query.after) {
    ids = await readIds(read, filters, query.sort, 'forward', size + 1, { cursor: query.after });
    hasNext = ids.length > size;
    ids = ids.slice(0, size);
    hasPrev = true;
  } else {
    offset = (page - 1) * size;
    ids = await readIds(read, filters, query.sort, 'forward', size + 1, { skip: offset });
    hasNext = ids.length > size;
    ids = ids.slice(0, size);
    hasPrev = page > 1;
  }

  const rows = ids.length
    ? await db.article.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          title: true,
          status: true,
          updatedAt: true,
          publishedAt: true,
          section: { select: { name: true } },
          authors: { orderBy: { position: 'asc' }, select: { user: { select: { name: true } } } },
        },
      })
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const articles = ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ ...r, section: r.section?.name ?? null, authors: r.authors.map((a) => a.user.name) }] : [];
  });

  // A short page read by offset tells the total without counting.
  const known = offset !== null && !hasNext && (ids.length > 0 || offset === 0) ? offset + ids.length : null;
  const { total, capped } = known !== null ? { total: known, capped: false } : await countCapped(user, query);
  return {
    articles,
    total,
    totalCapped: capped,
    page,
    pages: Math.max(1, Math.ceil(total / size), hasNext ? page + 1 : page),
    prevCursor: hasPrev && articles.length ? cursorOf(query.sort, articles[0]!) : null,
    nextCursor: hasNext && articles.length ? cursorOf(query.sort, articles.at(-1)!) : null,
  };
}

/** The list's filter choices: sections, staff and tags, by name. */
export async function listDashboardFilterOptions() {
  const [sections, authors, tags] = await Promise.all([
    db.section.findMany({ orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { id: true, name: true } }),
    db.user.findMany({ where: { deactivatedAt: null }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.tag.findMany({ orderBy: { name: 'asc' }, take: 500, select: { id: true, name: true } }),
  ]);
  return { sections, authors, tags };
}

/** How many articles the dashboard's quick finder (the command palette) lists for a title search. */
export const FIND_ARTICLES_LIMIT = 8;

/**
 * Articles whose title contains `q`, last updated first, as the articles list would find them
 * (the same scope and reading path): editors all, writers only those with them in the byline.
 */
export async function findDashboardArticles(user: StaffUser, q: string, take = FIND_ARTICLES_LIMIT): Promise<{ id: string; title: string; status: string }[]> {
  const query = dashboardArticlesQuerySchema.parse({ q });
  if (!query.q) return [];
  const { read, filters } = await readerFor(user, query);
  const ids = await readIds(read, filters, 'updated', 'forward', take, { skip: 0 });
  if (!ids.length) return [];
  const rows = await db.article.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, status: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
