import 'server-only';
import { hasRole } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';

export type CalendarArticle = { id: string; title: string; status: 'SCHEDULED' | 'PUBLISHED'; at: Date };

/**
 * Articles going out (scheduled) or gone out (published) in [from, to), by time, for the story
 * budget's week. Editors see every article; authors and contributors those in their byline, as
 * on the articles list.
 */
export async function listCalendarArticles(user: StaffUser, from: Date, to: Date): Promise<CalendarArticle[]> {
  const mine = hasRole(user.role, 'EDITOR') ? {} : { authors: { some: { userId: user.id } } };
  const [scheduled, published] = await Promise.all([
    db.article.findMany({
      where: { status: 'SCHEDULED', scheduledAt: { gte: from, lt: to }, ...mine },
      orderBy: { scheduledAt: 'asc' },
      take: 500,
      select: { id: true, title: true, scheduledAt: true },
    }),
    db.article.findMany({
      where: { status: 'PUBLISHED', publishedAt: { gte: from, lt: to }, ...mine },
      orderBy: { publishedAt: 'asc' },
      take: 500,
      select: { id: true, title: true, publishedAt: true },
    }),
  ]);
  return [
    ...scheduled.map((a) => ({ id: a.id, title: a.title, status: 'SCHEDULED' as const, at: a.scheduledAt! })),
    ...published.map((a) => ({ id: a.id, title: a.title, status: 'PUBLISHED' as const, at: a.publishedAt! })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
}
