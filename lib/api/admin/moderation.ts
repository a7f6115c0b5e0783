import 'server-only';
import { moderateComment } from '@/lib/comments';
import { listModerationQueue } from '@/lib/comments/moderation';
import type { StaffUser } from '@/lib/users';
import type { ADMIN_COMMENT_STATUSES, COMMENT_ACTIONS } from '@/lib/validation/admin-api';

// Comments over the admin API: the dashboard's moderation queue and actions, with what a
// moderator needs to decide. Commenters' emails and IP hashes stay in the dashboard.

export type AdminComment = {
  id: string;
  parentId: string | null;
  status: string;
  authorName: string;
  authorUrl: string | null;
  body: string;
  createdAt: string;
  isStaff: boolean;
  openReports: number;
  version: number;
  article: { title: string; slug: string };
};

const PER_PAGE = 50;

/** One page of comments with this status, newest first (editors and admins, as in the dashboard). */
export async function listAdminComments(query: { status: (typeof ADMIN_COMMENT_STATUSES)[number]; page: number }, user: StaffUser) {
  const { comments, total, pages } = await listModerationQueue(user, { tab: query.status.toUpperCase() as 'PENDING', page: query.page, perPage: PER_PAGE });
  const data: AdminComment[] = comments.map((c) => ({
    id: c.id,
    parentId: c.parentId,
    status: c.status.toLowerCase(),
    authorName: c.authorName,
    authorUrl: c.authorUrl,
    body: c.body,
    createdAt: c.createdAt.toISOString(),
    isStaff: c.isStaff,
    openReports: c.reports.length,
    version: c.version,
    article: c.article,
  }));
  return { data, meta: { page: query.page, pages, total } };
}

const STATUS_AFTER = { approve: 'approved', spam: 'spam', trash: 'trash' } as const;

/** approve | spam | trash from `version` (If-Match), through the dashboard's moderateComment (audit, webhooks, cache). */
export async function moderateAdminComment(id: string, action: (typeof COMMENT_ACTIONS)[number], version: number, user: StaffUser) {
  const saved = await moderateComment(id, action, user, { version });
  return { id, status: STATUS_AFTER[action], version: saved.version };
}
