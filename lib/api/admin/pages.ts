import 'server-only';
import { pathErrors } from '@/lib/api/admin-handler';
import { bodyOf, callDomain } from '@/lib/api/admin/articles';
import type { AdminPage, AdminPageSummary } from '@/lib/api/admin-schemas';
import { bodyDocSchema, type BodyDoc } from '@/lib/articles/body';
import { pagePath } from '@/lib/articles/urls';
import { AppError } from '@/lib/errors';
import { deletePage, getPageForEdit, savePage } from '@/lib/pages/mutations';
import { listPagesForAdmin } from '@/lib/pages/queries';
import type { StaffUser } from '@/lib/users';
import type { CreateAdminPageInput, PageTransition, UpdateAdminPageInput } from '@/lib/validation/admin-api';
import { pageFormSchema, type PageFormData } from '@/lib/validation/static-pages';

// The admin API's pages, a thin translation onto lib/pages (the page editor's and the
// importer's own functions): the JSON becomes the page editor's form data, checked by its
// schema (reserved and taken slugs, lengths), and every write is savePage or deletePage, so
// roles (editors and admins), versions, revisions, audit and cache refreshes are the dashboard's.

const statusOf = (status: string) => status.toLowerCase() as AdminPage['status'];
const EMPTY: BodyDoc = { type: 'doc', content: [] };

/** A page as the admin API shows it. */
export async function getAdminPage(id: string, user: StaffUser): Promise<AdminPage> {
  const p = await getPageForEdit(id, user);
  if (!p) throw new AppError('not_found', 'No page has this id.');
  const doc = bodyDocSchema.safeParse(p.bodyJson);
  return {
    id: p.id,
    slug: p.slug,
    version: p.version,
    status: statusOf(p.status),
    url: p.status === 'PUBLISHED' ? pagePath(p.slug) : null,
    title: p.title,
    standfirst: p.standfirst,
    body: doc.success ? doc.data : EMPTY,
    seoTitle: p.seoTitle,
    seoDescription: p.seoDescription,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    scheduledAt: p.scheduledAt?.toISOString() ?? null,
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** Every page, most recently changed first. */
export async function listAdminPages(user: StaffUser): Promise<AdminPageSummary[]> {
  const pages = await listPagesForAdmin(user);
  return pages.map((p) => ({
    id: p.id,
    slug: p.slug,
    version: p.version,
    status: statusOf(p.status),
    url: p.status === 'PUBLISHED' ? pagePath(p.slug) : null,
    title: p.title,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    scheduledAt: p.scheduledAt?.toISOString() ?? null,
    updatedAt: p.updatedAt.toISOString(),
  }));
}

type Fields = { title: string; slug?: string; standfirst: string; body: BodyDoc; seoTitle: string | null; seoDescription: string | null };

/** The page editor's form data, through its own schema. */
function formData(fields: Fields): PageFormData {
  const parsed = pageFormSchema.safeParse({ ...fields, body: '', bodyJson: JSON.stringify(fields.body) });
  if (!parsed.success) throw new AppError('unprocessable', 'Some fields need attention.', pathErrors(parsed.error, { bodyJson: 'body' }));
  return parsed.data;
}

/** Creates a draft page (POST /admin/pages). */
export async function createAdminPage(input: CreateAdminPageInput, user: StaffUser): Promise<AdminPage> {
  const data = formData({
    title: input.title,
    slug: input.slug,
    standfirst: input.standfirst ?? '',
    body: bodyOf(input) ?? EMPTY,
    seoTitle: input.seoTitle ?? null,
    seoDescription: input.seoDescription ?? null,
  });
  const saved = await callDomain(() => savePage({ intent: 'save', data }, user));
  return getAdminPage(saved.id, user);
}

/** The page's current fields with `patch` over them. */
async function currentFormData(id: string, user: StaffUser, patch: UpdateAdminPageInput = {}): Promise<PageFormData> {
  const p = await getAdminPage(id, user);
  return formData({
    title: patch.title ?? p.title,
    slug: patch.slug ?? p.slug,
    standfirst: patch.standfirst ?? p.standfirst,
    body: bodyOf(patch) ?? (p.body as BodyDoc),
    seoTitle: patch.seoTitle !== undefined ? patch.seoTitle : p.seoTitle,
    seoDescription: patch.seoDescription !== undefined ? patch.seoDescription : p.seoDescription,
  });
}

/** PATCH: changes the fields sent, from `version` (If-Match). A published page stays published. */
export async function updateAdminPage(id: string, version: number, patch: UpdateAdminPageInput, user: StaffUser): Promise<AdminPage> {
  const data = await currentFormData(id, user, patch);
  await callDomain(() => savePage({ id, version, intent: 'save', data }, user));
  return getAdminPage(id, user);
}

/** publish | schedule | unpublish, from `version` (If-Match). */
export async function transitionAdminPage(id: string, version: number, transition: PageTransition, user: StaffUser, at?: Date): Promise<AdminPage> {
  const data = await currentFormData(id, user);
  await callDomain(() => savePage({ id, version, intent: transition, data, scheduledAt: at }, user));
  return getAdminPage(id, user);
}

/** DELETE: the page, its revisions and the menu links to it, from `version` (If-Match). */
export async function deleteAdminPage(id: string, version: number, user: StaffUser): Promise<{ id: string; deleted: true }> {
  await callDomain(() => deletePage(id, user, { version }));
  return { id, deleted: true };
}
