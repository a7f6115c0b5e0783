import 'server-only';
import { hasRole } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit';
import { bodyDocSchema, isDocEmpty, plainTextToDoc, renderDocToHtml } from '@/lib/articles/body';
import type { ArticleSnapshot } from '@/lib/articles/mutations';
import { invalidateMenu, invalidateStaticPage } from '@/lib/cache';
import { db } from '@/lib/db';
import { resolveSchedule, staleVersionError, statusForIntent } from '@/lib/editorial/intent';
import { AppError } from '@/lib/errors';
import { resolveArticleImages } from '@/lib/media';
import { isReservedTopLevelName, reservedSlugMessage } from '@/lib/pages/reserved';
import { slugify } from '@/lib/slug';
import type { StaffUser } from '@/lib/users';
import type { PageFormData, PageIntent } from '@/lib/validation/static-pages';

// Static pages: created, edited, published, scheduled and deleted by editors and admins only.
// Pages speak for the whole publication (About, Terms, Corrections policy), so authors and
// contributors do not manage them; they can read them on the site like anyone.

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

export type SavedPage = { id: string; slug: string; version: number; status: string; scheduledAt: Date | null };

export function assertPageManager(user: StaffUser) {
  if (!hasRole(user.role, 'EDITOR')) throw new AppError('forbidden', 'Only editors and admins can manage pages.');
}

const slugTaken = () => new AppError('conflict', 'Another page already has this slug; choose another.', { slug: ['Another page already has this slug; choose another.'] });

/** A free slug from the title: never reserved, never another page's. */
async function slugFromTitle(tx: Tx, title: string): Promise<string> {
  const base = slugify(title);
  for (let n = 1; ; n++) {
    const slug = n === 1 && !isReservedTopLevelName(base) ? base : `${base.slice(0, 70)}-${n === 1 ? 'page' : n}`;
    if (!isReservedTopLevelName(slug) && !(await tx.page.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

async function assertSlugFree(tx: Tx, slug: string, pageId?: string) {
  if (isReservedTopLevelName(slug)) throw new AppError('unprocessable', reservedSlugMessage(slug), { slug: [reservedSlugMessage(slug)] });
  const other = await tx.page.findUnique({ where: { slug }, select: { id: true } });
  if (other && other.id !== pageId) throw slugTaken();
}

/**
 * Creates or updates a page from the editor, with the article editor's rules: updates name the
 * version they started from and a stale one is refused as a conflict; every save is a revision;
 * Publish / Schedule need a body. Refreshes the page, the sitemaps and the menus linking to it
 * whenever it is, or was, public.
 */
export async function savePage(
  input: {
    id?: string;
    version?: number;
    intent: PageIntent;
    data: PageFormData;
    scheduledAt?: Date;
    publishAt?: string;
    /** An import's record `source` + `originalId`, kept on a page it creates. */ imported?: { source: string; id: string };
  },
  user: StaffUser,
): Promise<SavedPage> {
  assertPageManager(user);
  const { data, intent } = input;
  const scheduledAt = await resolveSchedule(intent, input);
  const doc = data.bodyJson ?? plainTextToDoc(data.body);
  if ((intent === 'publish' || intent === 'schedule') && isDocEmpty(doc)) {
    throw new AppError('unprocessable', 'Add a body before publishing.', { body: ['Write at least one paragraph before publishing.'] });
  }
  const images = await resolveArticleImages(doc, null);
  const content = { title: data.title, standfirst: data.standfirst, bodyJson: doc, bodyHtml: renderDocToHtml(doc, images), seoTitle: data.seoTitle, seoDescription: data.seoDescription };
  type Status = 'DRAFT' | 'IN_REVIEW' | 'SCHEDULED' | 'PUBLISHED' | 'ARCHIVED';
  const status = (current: string | null) => statusForIntent(intent, current, user, 'page') as Status;

  const result = await db.$transaction(async (tx) => {
    if (!input.id) {
      const next = status(null);
      const slug = data.slug ?? (await slugFromTitle(tx, data.title));
      await assertSlugFree(tx, slug);
      const created = await tx.page.create({
        data: {
          ...content,
          slug,
          status: next,
          publishedAt: next === 'PUBLISHED' ? new Date() : null,
          scheduledAt: next === 'SCHEDULED' ? scheduledAt : null,
          ...(input.imported ? { importSource: input.imported.source, importId: input.imported.id } : {}),
        },
        select: { id: true, slug: true, version: true, status: true, scheduledAt: true },
      });
      await tx.pageRevision.create({ data: { pageId: created.id, version: 1, title: data.title, standfirst: data.standfirst, bodyJson: doc, status: created.status, authorId: user.id } });
      await recordAudit(tx, {
        actorId: user.id,
        action: `page.${next === 'PUBLISHED' ? 'published' : next === 'SCHEDULED' ? 'scheduled' : 'created'}`,
        entityType: 'page',
        entityId: created.id,
        summary: data.title,
      });
      return { ...created, before: null as { status: string; slug: string } | null };
    }
    const current = await tx.page.findUnique({ where: { id: input.id }, select: { id: true, slug: true, status: true, version: true, publishedAt: true, scheduledAt: true } });
    if (!current) throw new AppError('not_found', 'This page no longer exists. It may have been deleted.');
    if (input.version === undefined) throw new AppError('bad_request', 'Reload the page before saving: the editor did not say which version it changed.');
    const next = status(current.status);
    const slug = data.slug ?? current.slug;
    if (slug !== current.slug) await assertSlugFree(tx, slug, current.id);
    const nextScheduledAt = next === 'SCHEDULED' ? ((intent === 'schedule' ? scheduledAt : current.scheduledAt) ?? null) : null;
    const updated = await tx.page.updateMany({
      where: { id: current.id, version: input.version },
      data: { ...content, slug, status: next, publishedAt: next === 'PUBLISHED' ? (current.publishedAt ?? new Date()) : current.publishedAt, scheduledAt: nextScheduledAt, version: { increment: 1 } },
    });
    if (updated.count === 0) throw staleVersionError('page', current.version, input.version);
    const version = input.version + 1;
    await tx.pageRevision.create({ data: { pageId: current.id, version, title: data.title, standfirst: data.standfirst, bodyJson: doc, status: next, authorId: user.id } });
    const action = intent === 'schedule' ? 'page.scheduled' : next === current.status ? 'page.updated' : next === 'PUBLISHED' ? 'page.published' : 'page.unpublished';
    await recordAudit(tx, { actorId: user.id, action, entityType: 'page', entityId: current.id, summary: data.title, data: { from: current.status, to: next, version } });
    return { id: current.id, slug, version, status: next as string, scheduledAt: nextScheduledAt, before: { status: current.status, slug: current.slug } };
  });
  if (result.before?.status === 'PUBLISHED' || result.status === 'PUBLISHED') await invalidateStaticPage(result.id, [...new Set([result.slug, result.before?.slug ?? result.slug])]);
  return { id: result.id, slug: result.slug, version: result.version, status: result.status, scheduledAt: result.scheduledAt ?? null };
}

/**
 * Deletes a page for good (its revisions too, and menu links to it); editors and admins only.
 * With `version` (the admin API's If-Match), only while the page is still at that version.
 */
export async function deletePage(id: string, user: StaffUser, options: { version?: number } = {}): Promise<{ title: string }> {
  assertPageManager(user);
  const page = await db.page.findUnique({ where: { id }, select: { id: true, slug: true, title: true, status: true, version: true } });
  if (!page) throw new AppError('not_found', 'This page no longer exists. It may have been deleted already.');
  if (options.version !== undefined && options.version !== page.version) throw staleVersionError('page', page.version, options.version);
  // Read before the delete cascades away the menu items that link to it.
  const refresh = page.status === 'PUBLISHED' ? await db.menuItem.findMany({ where: { pageId: id }, select: { menu: { select: { location: true } } } }) : [];
  await db.$transaction(async (tx) => {
    // Saved by someone else between the read and this delete: refuse, as a stale save is.
    const gone = await tx.page.deleteMany({ where: { id, ...(options.version !== undefined ? { version: options.version } : {}) } });
    if (gone.count === 0) throw staleVersionError('page', page.version + 1, options.version ?? page.version);
    await recordAudit(tx, { actorId: user.id, action: 'page.deleted', entityType: 'page', entityId: id, summary: page.title, data: { slug: page.slug } });
  });
  if (page.status === 'PUBLISHED' || refresh.length) {
    await invalidateStaticPage(id, [page.slug]);
    for (const location of new Set(refresh.map((r) => r.menu.location))) await invalidateMenu(location);
  }
  return { title: page.title };
}

/** A page as the editor loads it. */
export async function getPageForEdit(id: string, user: StaffUser) {
  assertPageManager(user);
  return db.page.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      slug: true,
      standfirst: true,
      bodyJson: true,
      status: true,
      version: true,
      seoTitle: true,
      seoDescription: true,
      publishedAt: true,
      scheduledAt: true,
      updatedAt: true,
    },
  });
}

/** The page as saved now, in the article editor's snapshot shape, for the conflict view. */
export async function getPageSnapshot(id: string, user: StaffUser): Promise<ArticleSnapshot | null> {
  const page = await getPageForEdit(id, user);
  if (!page) return null;
  const revision = await db.pageRevision.findFirst({ where: { pageId: id, version: page.version }, select: { createdAt: true, author: { select: { name: true } } } });
  const doc = bodyDocSchema.safeParse(page.bodyJson);
  return {
    id: page.id,
    version: page.version,
    title: page.title,
    standfirst: page.standfirst,
    bodyJson: doc.success ? doc.data : { type: 'doc', content: [] },
    status: page.status,
    sectionId: '',
    tags: '',
    heroImage: null,
    updatedAt: (revision?.createdAt ?? page.updatedAt).toISOString(),
    savedBy: revision?.author?.name ?? null,
  };
}

/**
 * Restores a revision's title, standfirst and body as a new version, through savePage: the
 * same version check (a newer save since the history was opened is a conflict), a new
 * revision, and the public page refreshed when it is live.
 */
export async function restorePageRevision(pageId: string, revisionId: string, expectedVersion: number, user: StaffUser): Promise<SavedPage> {
  assertPageManager(user);
  const [page, revision] = await Promise.all([
    db.page.findUnique({ where: { id: pageId }, select: { slug: true, seoTitle: true, seoDescription: true } }),
    db.pageRevision.findFirst({ where: { id: revisionId, pageId }, select: { title: true, standfirst: true, bodyJson: true } }),
  ]);
  if (!page) throw new AppError('not_found', 'This page no longer exists. It may have been deleted.');
  if (!revision) throw new AppError('not_found', 'That revision does not belong to this page.');
  const doc = bodyDocSchema.parse(revision.bodyJson);
  return savePage(
    {
      id: pageId,
      version: expectedVersion,
      intent: 'save',
      data: { title: revision.title, standfirst: revision.standfirst, body: '', bodyJson: doc, slug: page.slug, seoTitle: page.seoTitle, seoDescription: page.seoDescription },
    },
    user,
  );
}
