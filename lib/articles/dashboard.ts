import 'server-only';
import { hasRole } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { StaffUser } from '@/lib/users';
import type { DashboardArticlesQuery } from '@/lib/validation/articles';

export const DASHBOARD_PAGE_SIZE = 50;

export type DashboardArticle = {
  id: string;
  title: string;
  status: string;
  updatedAt: Date;
  publishedAt: Date | null;
  section: string | null;
  authors: string[];
};

export type DashboardPage = { articles: DashboardArticle[]; total: number; page: number; pages: number };

const ORDER = {
  updated: [{ updatedAt: 'desc' }, { id: 'desc' }],
  // Never-published articles last on both providers (PostgreSQL puts NULLs first in DESC by default).
  published: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
  title: [{ title: 'asc' }, { id: 'asc' }],
} as const;

/**
 * The dashboard's articles list: filters, title search, sort and pages from the URL query.
 * Editors see every article; authors and contributors only those with them in the byline.
 */
export async function listDashboardArticles(user: StaffUser, query: DashboardArticlesQuery): Promise<DashboardPage> {
  const titleMatch = query.q ? (env.DATABASE_PROVIDER === 'postgresql' ? { contains: query.q, mode: 'insensitive' as const } : { contains: query.q }) : undefined;
  const authorIds = [...(hasRole(user.role, 'EDITOR') ? [] : [user.id]), ...(query.author ? [query.author] : [])];
  const where = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.section ? { sectionId: query.section === 'none' ? null : query.section } : {}),
    ...(titleMatch ? { title: titleMatch } : {}),
    ...(query.tag ? { tags: { some: { tagId: query.tag } } } : {}),
    // Both rules must hold (own articles, and the chosen author): one `some` per id.
    ...(authorIds.length ? { AND: authorIds.map((userId) => ({ authors: { some: { userId } } })) } : {}),
  };
  const [rows, total] = await Promise.all([
    db.article.findMany({
      where,
      orderBy: ORDER[query.sort] as never,
      skip: (query.page - 1) * DASHBOARD_PAGE_SIZE,
      take: DASHBOARD_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        status: true,
        updatedAt: true,
        publishedAt: true,
        section: { select: { name: true } },
        authors: { orderBy: { position: 'asc' }, select: { user: { select: { name: true } } } },
      },
    }),
    db.article.count({ where }),
  ]);
  return {
    articles: rows.map((r) => ({ ...r, section: r.section?.name ?? null, authors: r.authors.map((a) => a.user.name) })),
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / DASHBOARD_PAGE_SIZE)),
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
