import 'server-only';
import { hasRole } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';

export type OverviewArticle = {
  id: string;
  title: string;
  status: string;
  updatedAt: Date;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  section: string | null;
  authors: string[];
};

/** A short list and how many there are in all ("3 of 12"). */
export type OverviewList = { total: number; articles: OverviewArticle[] };

export type NewsroomOverview = {
  inReview: OverviewList;
  /** Soonest first. */
  scheduled: OverviewList;
  /** The viewer's own drafts, last touched first. */
  myDrafts: OverviewList;
  /** Newest first. */
  recentlyPublished: OverviewList;
};

const select = {
  id: true,
  title: true,
  status: true,
  updatedAt: true,
  publishedAt: true,
  scheduledAt: true,
  section: { select: { name: true } },
  authors: { orderBy: { position: 'asc' as const }, select: { user: { select: { name: true } } } },
};

type Row = { id: string; title: string; status: string; updatedAt: Date; publishedAt: Date | null; scheduledAt: Date | null; section: { name: string } | null; authors: { user: { name: string } }[] };
const shape = (r: Row): OverviewArticle => ({ ...r, section: r.section?.name ?? null, authors: r.authors.map((a) => a.user.name) });

/**
 * The newsroom's day at a glance for the dashboard's front page: stories waiting for review,
 * the next scheduled publications, the viewer's drafts and the latest publishes. Editors see
 * the whole newsroom; writers, as in the articles list, only stories with them in the byline.
 * Each list reads along an index (status with update, schedule or publication time).
 */
export async function getNewsroomOverview(user: StaffUser, { take = 5 }: { take?: number } = {}): Promise<NewsroomOverview> {
  const scope = hasRole(user.role, 'EDITOR') ? {} : { authors: { some: { userId: user.id } } };
  const mine = { authors: { some: { userId: user.id } } };
  const list = async (where: Record<string, unknown>, orderBy: Record<string, 'asc' | 'desc'>[]): Promise<OverviewList> => {
    const [rows, total] = await Promise.all([db.article.findMany({ where, orderBy, take, select }), db.article.count({ where })]);
    return { total, articles: rows.map(shape) };
  };
  const [inReview, scheduled, myDrafts, recentlyPublished] = await Promise.all([
    list({ status: 'IN_REVIEW', ...scope }, [{ updatedAt: 'desc' }, { id: 'desc' }]),
    list({ status: 'SCHEDULED', ...scope }, [{ scheduledAt: 'asc' }, { id: 'asc' }]),
    list({ status: 'DRAFT', ...mine }, [{ updatedAt: 'desc' }, { id: 'desc' }]),
    list({ status: 'PUBLISHED', ...scope }, [{ publishedAt: 'desc' }, { id: 'desc' }]),
  ]);
  return { inReview, scheduled, myDrafts, recentlyPublished };
}
