import 'server-only';
import { cache } from 'react';
import { publishedOnly } from '@/lib/articles/access';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';
import { assertPageManager } from './mutations';

const publicSelect = { id: true, slug: true, title: true, standfirst: true, bodyJson: true, bodyHtml: true, seoTitle: true, seoDescription: true, publishedAt: true, updatedAt: true } as const;

/** A published page by its slug, for /<slug> (shared by generateMetadata and the page). */
export const getPublishedPageBySlug = cache(async (slug: string) => {
  return db.page.findFirst({ where: { slug, ...publishedOnly() }, select: publicSelect });
});
export type PublicPage = NonNullable<Awaited<ReturnType<typeof getPublishedPageBySlug>>>;

/** Published pages by title: the content API's list and the sitemap. */
export async function listPublishedPages(take = 1000) {
  return db.page.findMany({
    where: publishedOnly(),
    orderBy: [{ title: 'asc' }, { id: 'asc' }],
    take,
    select: { id: true, slug: true, title: true, standfirst: true, publishedAt: true, updatedAt: true },
  });
}

/** Every page, most recently changed first, for /admin/pages. */
export async function listPagesForAdmin(user: StaffUser) {
  assertPageManager(user);
  return db.page.findMany({
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    select: { id: true, slug: true, title: true, status: true, version: true, publishedAt: true, scheduledAt: true, updatedAt: true },
  });
}

/** Published pages as choices for a menu link. */
export async function listPageChoices() {
  return db.page.findMany({ orderBy: { title: 'asc' }, select: { id: true, title: true, slug: true, status: true } });
}

/** A page's saved revisions, newest first, with who saved each. */
export async function listPageRevisions(pageId: string, user: StaffUser) {
  assertPageManager(user);
  return db.pageRevision.findMany({
    where: { pageId },
    orderBy: [{ version: 'desc' }, { createdAt: 'desc' }],
    take: 50,
    select: { id: true, version: true, title: true, createdAt: true, author: { select: { name: true } } },
  });
}

/** A page as saved now, whatever its status, for the staff preview. */
export async function getPageForPreview(id: string, user: StaffUser) {
  assertPageManager(user);
  return db.page.findUnique({ where: { id }, select: { ...publicSelect, status: true } });
}
