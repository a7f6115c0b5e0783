// Fixtures for integration tests. The test database is migrated but not seeded, so each
// test creates what it needs, with unique emails and slugs so tests never depend on each other.
import crypto from 'node:crypto';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { reindexArticle } from '@/lib/search';
import type { StaffUser } from '@/lib/users';

/** A short random suffix for slugs, emails and tag names. */
export const unique = () => crypto.randomBytes(4).toString('hex');

let passwordHash: Promise<string> | undefined;

/** A staff user with this role (password "test-password"), as lib/auth hands it to mutations. */
export async function createUser(role: Role, name = `${role.toLowerCase()} ${unique()}`): Promise<StaffUser> {
  const id = unique();
  return db.user.create({
    data: { name, email: `${role.toLowerCase()}-${id}@broadsheet.test`, slug: `${role.toLowerCase()}-${id}`, role, passwordHash: await (passwordHash ??= hashPassword('test-password')) },
    select: { id: true, name: true, email: true, role: true, slug: true },
  });
}

export async function createSection(name = `Section ${unique()}`) {
  return db.section.create({ data: { name, slug: `section-${unique()}` }, select: { id: true, name: true, slug: true } });
}

type ArticleStatus = 'DRAFT' | 'IN_REVIEW' | 'SCHEDULED' | 'PUBLISHED' | 'ARCHIVED';

/**
 * An article written straight to the database, for tests that need exact publication
 * times (ties, the future) or statuses that the editor cannot produce in one step.
 */
export async function createArticle(opts: {
  title?: string;
  standfirst?: string;
  status?: ArticleStatus;
  publishedAt?: Date | null;
  sectionId?: string | null;
  tagIds?: string[];
  authorIds?: string[];
}) {
  const title = opts.title ?? `Story ${unique()}`;
  const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `${title}.` }] }] };
  const status = opts.status ?? 'PUBLISHED';
  const article = await db.article.create({
    data: {
      title,
      slug: `story-${unique()}-${unique()}`,
      standfirst: opts.standfirst ?? '',
      bodyJson: doc,
      bodyHtml: `<p>${title}.</p>`,
      status,
      publishedAt: opts.publishedAt === undefined ? (status === 'PUBLISHED' ? new Date() : null) : opts.publishedAt,
      sectionId: opts.sectionId ?? null,
      tags: { create: (opts.tagIds ?? []).map((tagId) => ({ tagId })) },
      authors: { create: (opts.authorIds ?? []).map((userId, position) => ({ userId, position })) },
    },
    select: { id: true, slug: true, title: true, publishedAt: true, status: true },
  });
  // As the editor's save does: the search index follows the article.
  await reindexArticle(article.id);
  return article;
}

export async function createTag(name = `Tag ${unique()}`) {
  return db.tag.create({ data: { name, slug: `tag-${unique()}` }, select: { id: true, name: true, slug: true } });
}
