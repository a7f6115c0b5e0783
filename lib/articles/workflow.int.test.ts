import { beforeAll, describe, expect, it } from 'vitest';
import { saveArticle } from '@/lib/articles/mutations';
import { archiveArticle, deleteArchivedArticle, moveArticleToSection, restoreArchivedArticle } from '@/lib/articles/workflow';
import type { Role } from '@/lib/auth/roles';
import { pageTags, pathTag } from '@/lib/cache';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';
import { articleFormSchema } from '@/lib/validation/articles';
import { createArticle, createSection, createUser, unique } from '@/test/fixtures';
import { watchInvalidations } from '@/test/invalidations';

type Start = 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'ARCHIVED';
type Transition = { name: string; from: Start; to: string; audit: string; run: (id: string, title: string, user: StaffUser) => Promise<unknown> };

const data = (title: string) => articleFormSchema.parse({ title, body: 'A paragraph readers will see.' });
const viaEditor = (intent: 'submit' | 'publish' | 'unpublish' | 'schedule') => (id: string, title: string, user: StaffUser) =>
  saveArticle({ id, version: 1, intent, data: data(title), scheduledAt: intent === 'schedule' ? new Date(Date.now() + 86_400_000) : undefined }, user);

const TRANSITIONS: Transition[] = [
  { name: 'submit for review', from: 'DRAFT', to: 'IN_REVIEW', audit: 'article.submitted', run: viaEditor('submit') },
  { name: 'publish', from: 'IN_REVIEW', to: 'PUBLISHED', audit: 'article.published', run: viaEditor('publish') },
  { name: 'schedule', from: 'DRAFT', to: 'SCHEDULED', audit: 'article.scheduled', run: viaEditor('schedule') },
  { name: 'unpublish', from: 'PUBLISHED', to: 'DRAFT', audit: 'article.unpublished', run: viaEditor('unpublish') },
  { name: 'archive', from: 'PUBLISHED', to: 'ARCHIVED', audit: 'article.archived', run: (id, _t, u) => archiveArticle(id, u) },
  { name: 'restore from archive', from: 'ARCHIVED', to: 'DRAFT', audit: 'article.restored', run: (id, _t, u) => restoreArchivedArticle(id, u) },
];

type Actor = 'ADMIN' | 'EDITOR' | 'AUTHOR (own)' | 'AUTHOR (other’s)' | 'CONTRIBUTOR (own)';
const ACTORS: Actor[] = ['ADMIN', 'EDITOR', 'AUTHOR (own)', 'AUTHOR (other’s)', 'CONTRIBUTOR (own)'];

/** Who may do what: writers only submit their own drafts; every other transition is for editors and admins. */
const ALLOWED: Record<string, Actor[]> = {
  'submit for review': ['ADMIN', 'EDITOR', 'AUTHOR (own)', 'CONTRIBUTOR (own)'],
  publish: ['ADMIN', 'EDITOR'],
  schedule: ['ADMIN', 'EDITOR'],
  unpublish: ['ADMIN', 'EDITOR'],
  archive: ['ADMIN', 'EDITOR'],
  'restore from archive': ['ADMIN', 'EDITOR'],
};

const users = {} as Record<Role | 'OTHER_AUTHOR', StaffUser>;
beforeAll(async () => {
  const [admin, editor, author, other, contributor] = await Promise.all([createUser('ADMIN'), createUser('EDITOR'), createUser('AUTHOR'), createUser('AUTHOR'), createUser('CONTRIBUTOR')]);
  Object.assign(users, { ADMIN: admin, EDITOR: editor, AUTHOR: author, OTHER_AUTHOR: other, CONTRIBUTOR: contributor });
});

/** The acting user and the article's byline owner for one row of the table. */
function cast(actor: Actor): { user: StaffUser; owner: StaffUser } {
  switch (actor) {
    case 'ADMIN':
      return { user: users.ADMIN, owner: users.AUTHOR };
    case 'EDITOR':
      return { user: users.EDITOR, owner: users.AUTHOR };
    case 'AUTHOR (own)':
      return { user: users.AUTHOR, owner: users.AUTHOR };
    case 'AUTHOR (other’s)':
      return { user: users.OTHER_AUTHOR, owner: users.AUTHOR };
    case 'CONTRIBUTOR (own)':
      return { user: users.CONTRIBUTOR, owner: users.CONTRIBUTOR };
  }
}

describe('workflow permissions: every transition × every role', () => {
  for (const t of TRANSITIONS) {
    for (const actor of ACTORS) {
      const allowed = ALLOWED[t.name]!.includes(actor);
      it(`${t.name} by ${actor}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const { user, owner } = cast(actor);
        const title = `Workflow ${t.name} ${unique()}`;
        const article = await createArticle({ title, status: t.from, authorIds: [owner.id], publishedAt: t.from === 'PUBLISHED' || t.from === 'ARCHIVED' ? new Date(Date.now() - 60_000) : null });
        const attempt = t.run(article.id, title, user);
        const audits = () => db.auditLog.findMany({ where: { entityId: article.id, action: t.audit }, select: { actorId: true } });
        if (allowed) {
          await attempt;
          expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe(t.to);
          expect(await audits()).toEqual([{ actorId: user.id }]);
        } else {
          await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
          const after = await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { status: true, version: true } });
          expect(after).toEqual({ status: t.from, version: 1 });
          expect(await audits()).toEqual([]);
        }
      });
    }
  }
});

describe('archive and move', () => {
  it('archiving a published article takes it off the public pages it was on and clears nothing else', async () => {
    const section = await createSection();
    const editor = users.EDITOR;
    const a = await createArticle({ status: 'PUBLISHED', sectionId: section.id, authorIds: [users.AUTHOR.id] });
    const watch = await watchInvalidations();
    await archiveArticle(a.id, editor);
    const expected = [pageTags.article(a.id), pageTags.front, pageTags.section(section.id), pageTags.author(users.AUTHOR.id), pathTag(`/articles/${a.slug}`)];
    expect(watch.markedOf(expected)).toEqual(expected);
    await expect(archiveArticle(a.id, editor)).rejects.toMatchObject({ code: 'conflict' });
    const restored = await restoreArchivedArticle(a.id, editor);
    expect(restored).toMatchObject({ status: 'DRAFT', version: 3 });
  });

  it('moves a published article and refreshes both sections; writers move only their own drafts', async () => {
    const [from, to] = await Promise.all([createSection(), createSection()]);
    const a = await createArticle({ status: 'PUBLISHED', sectionId: from.id, authorIds: [users.AUTHOR.id] });
    await expect(moveArticleToSection(a.id, to.id, users.AUTHOR)).rejects.toMatchObject({ code: 'forbidden' });
    const watch = await watchInvalidations();
    await moveArticleToSection(a.id, to.id, users.EDITOR);
    expect(watch.markedOf([pageTags.section(from.id), pageTags.section(to.id), pageTags.article(a.id)])).toHaveLength(3);
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).sectionId).toBe(to.id);

    const draft = await createArticle({ status: 'DRAFT', authorIds: [users.AUTHOR.id] });
    await expect(moveArticleToSection(draft.id, to.id, users.OTHER_AUTHOR)).rejects.toMatchObject({ code: 'forbidden' });
    const draftWatch = await watchInvalidations();
    await moveArticleToSection(draft.id, to.id, users.AUTHOR);
    // A draft was never on a public page.
    expect(draftWatch.markedOf([pageTags.article(draft.id), pageTags.section(to.id)])).toEqual([]);
    await expect(moveArticleToSection(draft.id, 'no-such-section', users.EDITOR)).rejects.toMatchObject({ code: 'unprocessable' });
  });
});

describe('deleting an archived article', () => {
  it('removes it with its comments and redirects, audits it and tells webhook subscribers', async () => {
    const { createWebhook } = await import('@/lib/webhooks');
    await createWebhook({ url: 'http://127.0.0.1:9/hook', events: ['article.deleted'] }, users.ADMIN);
    const article = await createArticle({ title: `Deleted story ${unique()}`, status: 'ARCHIVED', publishedAt: new Date(Date.now() - 60_000) });
    await db.comment.create({ data: { articleId: article.id, body: 'A reply.', authorName: 'Reader', authorEmail: 'reader@example.com', status: 'APPROVED' } });
    await db.redirect.create({ data: { fromPath: `/articles/old-${unique()}`, toPath: `/articles/${article.slug}` } });

    await deleteArchivedArticle(article.id, users.EDITOR);

    expect(await db.article.findUnique({ where: { id: article.id } })).toBeNull();
    expect(await db.comment.count({ where: { articleId: article.id } })).toBe(0);
    expect(await db.redirect.count({ where: { toPath: `/articles/${article.slug}` } })).toBe(0);
    expect(await db.auditLog.findMany({ where: { entityId: article.id, action: 'article.deleted' }, select: { actorId: true } })).toEqual([{ actorId: users.EDITOR.id }]);
    const deliveries = await db.webhookDelivery.findMany({ where: { event: 'article.deleted' }, select: { payload: true } });
    expect(deliveries.map((d) => (d.payload as { data: { article: { id: string } } }).data.article.id)).toContain(article.id);
  });

  it('refuses writers, and articles that are not archived, changing nothing', async () => {
    const live = await createArticle({ title: `Live story ${unique()}`, status: 'PUBLISHED', publishedAt: new Date(Date.now() - 60_000), authorIds: [users.AUTHOR.id] });
    const archived = await createArticle({ title: `Archived story ${unique()}`, status: 'ARCHIVED', authorIds: [users.AUTHOR.id] });
    await expect(deleteArchivedArticle(live.id, users.ADMIN)).rejects.toMatchObject({ code: 'conflict' });
    await expect(deleteArchivedArticle(archived.id, users.AUTHOR)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.article.count({ where: { id: { in: [live.id, archived.id] } } })).toBe(2);
  });
});
