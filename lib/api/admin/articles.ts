import 'server-only';
import { pathErrors } from '@/lib/api/admin-handler';
import type { AdminArticle } from '@/lib/api/admin-schemas';
import { bodyDocSchema, type BodyDoc } from '@/lib/articles/body';
import { getArticleForEdit, saveArticle } from '@/lib/articles/mutations';
import { articlePath } from '@/lib/articles/urls';
import { currentSharedContent } from '@/lib/collab/shared';
import { archiveArticle, deleteArchivedArticle } from '@/lib/articles/workflow';
import { AppError } from '@/lib/errors';
import { htmlToBody } from '@/lib/import/html-to-body';
import { getSectionBySlug, listSections } from '@/lib/sections';
import type { StaffUser } from '@/lib/users';
import type { ArticleTransition, CreateAdminArticleInput, UpdateAdminArticleInput } from '@/lib/validation/admin-api';
import { articleFormSchema, type ArticleFormData } from '@/lib/validation/articles';

// The admin API's articles, as a thin translation onto the dashboard's domain functions
// (lib/articles): the API's JSON becomes the editor's form data, checked by the editor's own
// schema, and every write goes through saveArticle / archiveArticle / deleteArchivedArticle,
// so roles, ownership, workflow, versions, revisions, audit, webhooks, cache and search apply
// exactly as they do in the dashboard.

/** The editor's field names, as the API calls them. */
const API_FIELD: Record<string, string> = { bodyJson: 'body', sectionId: 'section', publishAt: 'at' };

/** Re-keys the domain's field messages (sectionId, publishAt) to the API's field names. */
function renamed(e: unknown): unknown {
  if (!(e instanceof AppError) || e.code !== 'unprocessable' || !e.details) return e;
  return new AppError(e.code, e.message, Object.fromEntries(Object.entries(e.details).map(([k, v]) => [API_FIELD[k] ?? k, v])));
}

/** Runs a domain function, its field messages re-keyed to the API's names. */
export async function callDomain<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw renamed(e);
  }
}

async function readable(id: string, user: StaffUser) {
  const article = await getArticleForEdit(id, user);
  if (!article) throw new AppError('not_found', 'No article has this id.');
  return article;
}

/** An article as the admin API shows it to the key's user (writers see only their own). */
export async function getAdminArticle(id: string, user: StaffUser): Promise<AdminArticle> {
  const a = await readable(id, user);
  const section = a.sectionId ? ((await listSections()).find((s) => s.id === a.sectionId) ?? null) : null;
  const doc = bodyDocSchema.safeParse(a.bodyJson);
  return {
    id: a.id,
    slug: a.slug,
    version: a.version,
    status: a.status.toLowerCase() as AdminArticle['status'],
    url: a.status === 'PUBLISHED' ? articlePath(a.slug) : null,
    title: a.title,
    standfirst: a.standfirst,
    section: section ? { name: section.name, slug: section.slug } : null,
    tags: a.tags.map((t) => t.tag.name),
    body: doc.success ? doc.data : { type: 'doc', content: [] },
    heroImageId: a.heroImageId,
    authors: a.authors.map((x) => ({ name: x.user.name })),
    publishedAt: a.publishedAt?.toISOString() ?? null,
    scheduledAt: a.scheduledAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** The body as the editor's document: given as such, or converted from HTML by the importer's sanitising converter. */
export function bodyOf(input: { body?: BodyDoc; html?: string }): BodyDoc | undefined {
  if (input.body) return input.body;
  if (input.html === undefined) return undefined;
  const converted = htmlToBody(input.html);
  if (converted.images.length) {
    throw new AppError('unprocessable', 'Images in html are not taken over HTTP.', { html: ['Upload images with POST /api/v1/admin/media and place them in a structured body instead.'] });
  }
  return converted.doc;
}

async function sectionIdOf(slug: string | null | undefined, current: string | null): Promise<string | null> {
  if (slug === undefined) return current;
  if (slug === null || slug === '') return null;
  const section = await getSectionBySlug(slug);
  if (!section) throw new AppError('unprocessable', 'No section has this slug.', { section: [`No section has the slug "${slug}".`] });
  return section.id;
}

/** The editor's form data from the API's fields, through the editor's own schema (lengths, tags, body rules). */
function formData(fields: { title: string; standfirst: string; body: BodyDoc; tags: string[]; heroImageId?: string | null }, sectionId: string | null): ArticleFormData {
  const parsed = articleFormSchema.safeParse({
    title: fields.title,
    standfirst: fields.standfirst,
    bodyJson: JSON.stringify(fields.body),
    tags: fields.tags.join(', '),
    ...(fields.heroImageId !== undefined ? { heroImageId: fields.heroImageId ?? '' } : {}),
  });
  if (!parsed.success) throw new AppError('unprocessable', 'Some fields need attention.', pathErrors(parsed.error, API_FIELD));
  return { ...parsed.data, sectionId };
}

/** Creates a draft as the key's user (POST /admin/articles). */
export async function createAdminArticle(input: CreateAdminArticleInput, user: StaffUser): Promise<AdminArticle> {
  const data = formData(
    { title: input.title, standfirst: input.standfirst ?? '', body: bodyOf(input) ?? { type: 'doc', content: [] }, tags: input.tags ?? [], heroImageId: input.heroImageId },
    await sectionIdOf(input.section, null),
  );
  const saved = await callDomain(() => saveArticle({ intent: 'save', data }, user));
  return getAdminArticle(saved.id, user);
}

/**
 * The article's current fields with `patch` over them, as the editor would post them. Title,
 * standfirst and body are the shared document's when people co-edit it (the row can lag it).
 */
async function currentFormData(id: string, user: StaffUser, patch: UpdateAdminArticleInput = {}): Promise<ArticleFormData> {
  const a = await readable(id, user);
  const doc = bodyDocSchema.safeParse(a.bodyJson);
  const shared = await currentSharedContent(id);
  return formData(
    {
      title: patch.title ?? (shared?.title.trim() ? shared.title : a.title),
      standfirst: patch.standfirst ?? shared?.standfirst ?? a.standfirst,
      body: bodyOf(patch) ?? shared?.bodyJson ?? (doc.success ? doc.data : { type: 'doc', content: [] }),
      tags: patch.tags ?? a.tags.map((t) => t.tag.name),
      heroImageId: patch.heroImageId,
    },
    await sectionIdOf(patch.section, a.sectionId),
  );
}

/** PATCH: changes the fields sent, from `version` (If-Match); a stale version changes nothing. */
export async function updateAdminArticle(id: string, version: number, patch: UpdateAdminArticleInput, user: StaffUser): Promise<AdminArticle> {
  const data = await currentFormData(id, user, patch);
  await callDomain(() => saveArticle({ id, version, intent: 'save', data }, user));
  return getAdminArticle(id, user);
}

/** submit | publish | schedule | unpublish | archive, from `version` (If-Match), with the dashboard's workflow rules. */
export async function transitionAdminArticle(id: string, version: number, transition: ArticleTransition, user: StaffUser, at?: Date): Promise<AdminArticle> {
  if (transition === 'archive') {
    await callDomain(() => archiveArticle(id, user, { version }));
  } else {
    const data = await currentFormData(id, user);
    // The text published is the shared document's at this moment, not what the row last stored.
    await callDomain(() => saveArticle({ id, version, intent: transition, data, scheduledAt: at, fromShared: true }, user));
  }
  return getAdminArticle(id, user);
}

/** DELETE: only an archived article, as in the dashboard, and only at `version` (If-Match). */
export async function deleteAdminArticle(id: string, version: number, user: StaffUser): Promise<{ id: string; deleted: true }> {
  await callDomain(() => deleteArchivedArticle(id, user, { version }));
  return { id, deleted: true };
}
