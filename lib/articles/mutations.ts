import 'server-only';
import { currentApiKey } from '@/lib/api-keys/context';
import { hasRole } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit';
import { bodyDocSchema, countWords, isDocEmpty, plainTextToDoc, renderDocToHtml, type BodyDoc } from '@/lib/articles/body';
import { articleRefs, invalidateArticle } from '@/lib/cache';
import { currentSharedContent, replaceSharedContent } from '@/lib/collab/shared';
import { takeContributors } from '@/lib/collab/store';
import { db } from '@/lib/db';
import { resolveSchedule, staleVersionError, statusForIntent } from '@/lib/editorial/intent';
import { AppError } from '@/lib/errors';
import { getMedia, resolveArticleImages } from '@/lib/media';
import type { ClientMediaItem } from '@/lib/media/client-item';
import { reindexArticles } from '@/lib/search';
import { slugify } from '@/lib/slug';
import type { StaffUser } from '@/lib/users';
import type { ArticleFormData, ArticleIntent } from '@/lib/validation/articles';
import { articleEventData, articleEventFor, enqueueWebhookEvent } from '@/lib/webhooks/events';

export type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

export type SavedArticle = {
  id: string;
  slug: string;
  version: number;
  status: string;
  /** When a scheduled article goes out. */
  scheduledAt: Date | null;
};

const EDITABLE_BY_WRITERS = ['DRAFT', 'IN_REVIEW'];

async function uniqueSlug(tx: Tx, title: string): Promise<string> {
  const base = slugify(title);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base.slice(0, 76)}-${n}`;
    if (!(await tx.article.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

async function tagIdsFor(tx: Tx, names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    const slug = slugify(name);
    const tag = await tx.tag.upsert({ where: { slug }, update: {}, create: { slug, name }, select: { id: true } });
    if (!ids.includes(tag.id)) ids.push(tag.id);
  }
  return ids;
}

/**
 * Creates or updates an article from the editor. Updates name the version the editor
 * loaded; if anyone saved since, the save is refused with a conflict, never overwritten.
 * A schedule gives `scheduledAt`, or `publishAt`: the editor's "Publish at", wall-clock time
 * in the site's time zone (admin settings). A new article's byline is the user, or `authorId`
 * (an editor starting a draft for a writer); `onCreate` runs inside the creating transaction
 * (a story plan links itself there, so a refusal leaves no article behind).
 *
 * `shared`: the co-editing editor's save. Title, standfirst and body are the shared document's at
 * this moment (everyone's typing merged, so no version can be stale), and the revision names
 * everyone who typed. Any other save of an existing article is put into its shared document.
 * `fromShared`: a workflow step from a client that cannot co-edit (the admin API's submit, publish,
 * schedule): title, standfirst and body are likewise the shared document's at this moment (the
 * article row can lag it by the store's debounce), but the caller's version must still be current.
 */
export async function saveArticle(
  input: {
    id?: string;
    version?: number;
    intent: ArticleIntent;
    data: ArticleFormData;
    scheduledAt?: Date;
    publishAt?: string;
    authorId?: string;
    onCreate?: (tx: Tx, articleId: string) => Promise<void>;
    shared?: boolean;
    fromShared?: boolean;
  },
  user: StaffUser,
): Promise<SavedArticle> {
  if (!hasRole(user.role, 'CONTRIBUTOR')) throw new AppError('forbidden', 'Your role does not allow writing articles.');
  const authorId = input.authorId ?? user.id;
  if (authorId !== user.id && !hasRole(user.role, 'EDITOR')) throw new AppError('forbidden', 'Only editors can start an article for someone else.');
  const { intent } = input;
  const sharedContent = (input.shared || input.fromShared) && input.id ? await currentSharedContent(input.id) : null;
  const data = sharedContent ? { ...input.data, title: sharedContent.title.trim() || input.data.title, standfirst: sharedContent.standfirst, bodyJson: sharedContent.bodyJson } : input.data;
  const scheduledAt = await resolveSchedule(intent, input);
  const doc = data.bodyJson ?? plainTextToDoc(data.body);
  // Images must exist and carry alt text; their files go into the stored HTML.
  const images = await resolveArticleImages(doc, data.heroImageId ?? null);
  const content = {
    title: data.title,
    standfirst: data.standfirst,
    bodyJson: doc,
    bodyHtml: renderDocToHtml(doc, images),
    wordCount: countWords(doc),
    sectionId: data.sectionId,
    ...(data.heroImageId !== undefined ? { heroImageId: data.heroImageId } : {}),
  };
  if ((intent === 'publish' || intent === 'schedule') && isDocEmpty(doc)) {
    throw new AppError('unprocessable', 'Add a body before publishing.', { body: ['Write at least one paragraph before publishing.'] });
  }

  // What public pages showed before the save, to refresh listings the article leaves.
  const before = input.id ? await articleRefs(input.id) : null;
  const contributors = sharedContent && input.id ? (await takeContributors(input.id)).filter((name) => name !== user.name) : undefined;
  const result = await db.$transaction(async (tx) => {
    if (data.sectionId && !(await tx.section.findUnique({ where: { id: data.sectionId }, select: { id: true } }))) {
      throw new AppError('unprocessable', 'Choose a section from the list.', { sectionId: ['Choose a section from the list.'] });
    }
    const tagIds = await tagIdsFor(tx, data.tags);

    if (!input.id) {
      if (authorId !== user.id && !(await tx.user.findFirst({ where: { id: authorId, deactivatedAt: null }, select: { id: true } }))) {
        throw new AppError('unprocessable', 'The author no longer has an active account.');
      }
      const status = statusForIntent(intent, null, user);
      const created = await tx.article.create({
        data: {
          ...content,
          slug: await uniqueSlug(tx, data.title),
          status: status as 'DRAFT',
          publishedAt: status === 'PUBLISHED' ? new Date() : null,
          scheduledAt: status === 'SCHEDULED' ? scheduledAt : null,
          authors: { create: [{ userId: authorId, position: 0 }] },
          tags: { create: tagIds.map((tagId) => ({ tagId })) },
        },
        select: { id: true, slug: true, version: true, status: true },
      });
      await tx.articleRevision.create({
        data: { articleId: created.id, version: 1, title: data.title, standfirst: data.standfirst, bodyJson: doc, status: created.status, authorId: user.id, apiKeyId: currentApiKey()?.id },
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: { PUBLISHED: 'article.published', SCHEDULED: 'article.scheduled' }[status] ?? 'article.created',
        entityType: 'article',
        entityId: created.id,
        summary: data.title,
      });
      await input.onCreate?.(tx, created.id);
      if (status === 'PUBLISHED') {
        const row = await tx.article.findUniqueOrThrow({ where: { id: created.id }, select: { id: true, slug: true, title: true, status: true, publishedAt: true, updatedAt: true } });
        await enqueueWebhookEvent(tx, 'article.published', articleEventData(row));
      }
      return { ...created, previousSlug: null as string | null, scheduledAt: status === 'SCHEDULED' ? (scheduledAt ?? null) : null };
    }

    const current = await tx.article.findUnique({
      where: { id: input.id },
      select: { id: true, slug: true, status: true, version: true, publishedAt: true, scheduledAt: true, authors: { select: { userId: true } } },
    });
    if (!current) throw new AppError('not_found', 'This article no longer exists. It may have been deleted.');
    if (!hasRole(user.role, 'EDITOR')) {
      if (!current.authors.some((a) => a.userId === user.id)) throw new AppError('forbidden', 'You can edit only your own articles.');
      if (!EDITABLE_BY_WRITERS.includes(current.status)) throw new AppError('forbidden', 'This article is no longer a draft; ask an editor to change it.');
    }
    const status = statusForIntent(intent, current.status, user);
    // Every update names the version it started from: without it a lost update could go unnoticed.
    if (input.version === undefined) throw new AppError('bad_request', 'Reload the article before saving: the editor did not say which version it changed.');
    const version = sharedContent && input.shared ? current.version : input.version;
    // A schedule lives only while the article is SCHEDULED; publishing now or unpublishing clears it.
    const nextScheduledAt = status === 'SCHEDULED' ? ((intent === 'schedule' ? scheduledAt : current.scheduledAt) ?? null) : null;
    const updated = await tx.article.updateMany({
      where: { id: current.id, version },
      data: {
        ...content,
        status: status as 'DRAFT',
        publishedAt: status === 'PUBLISHED' ? (current.publishedAt ?? new Date()) : current.publishedAt,
        scheduledAt: nextScheduledAt,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) {
      throw staleVersionError('article', current.version, version);
    }
    await tx.articleTag.deleteMany({ where: { articleId: current.id } });
    if (tagIds.length) await tx.articleTag.createMany({ data: tagIds.map((tagId) => ({ articleId: current.id, tagId })) });
    await tx.articleRevision.create({
      data: {
        articleId: current.id,
        version: version + 1,
        title: data.title,
        standfirst: data.standfirst,
        bodyJson: doc,
        status: status as 'DRAFT',
        authorId: user.id,
        apiKeyId: currentApiKey()?.id,
        contributors,
      },
    });
    const action =
      intent === 'schedule'
        ? 'article.scheduled'
        : status !== current.status
          ? `article.${status === 'PUBLISHED' ? 'published' : status === 'IN_REVIEW' ? 'submitted' : status === 'DRAFT' && current.status === 'PUBLISHED' ? 'unpublished' : 'updated'}`
          : 'article.updated';
    await recordAudit(tx, { actorId: user.id, action, entityType: 'article', entityId: current.id, summary: data.title, data: { from: current.status, to: status, version: version + 1 } });
    const event = articleEventFor(current.status, status);
    if (event) {
      const row = await tx.article.findUniqueOrThrow({ where: { id: current.id }, select: { id: true, slug: true, title: true, status: true, publishedAt: true, updatedAt: true } });
      await enqueueWebhookEvent(tx, event, articleEventData(row));
    }
    return { id: current.id, slug: current.slug, version: version + 1, status, previousSlug: current.slug, scheduledAt: nextScheduledAt };
  });

  // Its public pages (and those it left or joined) refresh when it is, or was, public.
  if (before?.status === 'PUBLISHED' || result.status === 'PUBLISHED') await invalidateArticle(result.id, { before: before ?? undefined });
  // After the commit: the search index follows the saved state (indexed only while published).
  await reindexArticles([result.id]);
  // Whoever co-edits this article sees what a client that cannot co-edit saved.
  if (input.id && !sharedContent) await replaceSharedContent(result.id, { title: data.title, standfirst: data.standfirst, bodyJson: doc });
  return { id: result.id, slug: result.slug, version: result.version, status: result.status, scheduledAt: result.scheduledAt };
}

/** An article as the editor loads it; writers may open only their own. */
export async function getArticleForEdit(id: string, user: StaffUser) {
  const article = await db.article.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      slug: true,
      standfirst: true,
      bodyJson: true,
      status: true,
      version: true,
      sectionId: true,
      heroImageId: true,
      publishedAt: true,
      scheduledAt: true,
      updatedAt: true,
      tags: { select: { tag: { select: { name: true } } } },
      authors: { orderBy: { position: 'asc' }, select: { userId: true, user: { select: { name: true } } } },
    },
  });
  if (!article) return null;
  if (!hasRole(user.role, 'EDITOR') && !article.authors.some((a) => a.userId === user.id)) {
    throw new AppError('forbidden', 'You can open only your own articles.');
  }
  return article;
}

export type ArticleSnapshot = {
  id: string;
  version: number;
  title: string;
  standfirst: string;
  bodyJson: BodyDoc;
  status: string;
  sectionId: string;
  /** Tags as the editor's field shows them ("climate, energy"). */
  tags: string;
  /** The hero image as the editor's picker shows it, or null for none. */
  heroImage: Pick<ClientMediaItem, 'id' | 'alt' | 'caption' | 'credit' | 'thumbnailUrl' | 'filename'> | null;
  /** When this version was saved (its revision's time; the article's own updatedAt also moves with details saves). */
  updatedAt: string;
  /** Who saved this version, when the revision says. */
  savedBy: string | null;
};

/** The article as it is saved now, for an editor whose save was refused with a conflict. */
export async function getArticleSnapshot(id: string, user: StaffUser): Promise<ArticleSnapshot | null> {
  const article = await getArticleForEdit(id, user);
  if (!article) return null;
  const [revision, hero] = await Promise.all([
    db.articleRevision.findFirst({
      where: { articleId: id, version: article.version },
      select: { createdAt: true, author: { select: { name: true } } },
    }),
    article.heroImageId ? getMedia(article.heroImageId) : null,
  ]);
  const doc = bodyDocSchema.safeParse(article.bodyJson);
  return {
    id: article.id,
    version: article.version,
    title: article.title,
    standfirst: article.standfirst,
    bodyJson: doc.success ? doc.data : { type: 'doc', content: [] },
    status: article.status,
    sectionId: article.sectionId ?? '',
    tags: article.tags.map((t) => t.tag.name).join(', '),
    heroImage: hero ? { id: hero.id, alt: hero.alt, caption: hero.caption, credit: hero.credit, thumbnailUrl: hero.thumbnailUrl, filename: hero.filename } : null,
    updatedAt: (revision?.createdAt ?? article.updatedAt).toISOString(),
    savedBy: revision?.author?.name ?? null,
  };
}
