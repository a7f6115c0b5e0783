import { beforeAll, describe, expect, it } from 'vitest';
import { saveArticle } from '@/lib/articles/mutations';
import { changeArticleSlug } from '@/lib/articles/slug';
import { db } from '@/lib/db';
import { findRedirect } from '@/lib/redirects';
import { createSection, listSectionsForAdmin, moveSection, updateSection } from '@/lib/sections/admin';
import { listTagsForAdmin, mergeTags, updateTag } from '@/lib/tags';
import type { StaffUser } from '@/lib/users';
import { articleFormSchema } from '@/lib/validation/articles';
import { changeSlugSchema, createSectionSchema, updateSectionSchema, updateTagSchema } from '@/lib/validation/taxonomy';
import { createUser, unique } from '@/test/fixtures';

let editor: StaffUser;
let admin: StaffUser;
let author: StaffUser;
let contributor: StaffUser;

const write = (user: StaffUser, tags: string, intent: 'save' | 'publish' = 'save') =>
  saveArticle({ intent, data: articleFormSchema.parse({ title: `Taxonomy story ${unique()}`, body: 'Body.', tags }) }, user);
const auditActions = (entityId: string) => db.auditLog.findMany({ where: { entityId }, orderBy: { createdAt: 'asc' }, select: { action: true } }).then((r) => r.map((x) => x.action));

beforeAll(async () => {
  [editor, admin, author, contributor] = await Promise.all([createUser('EDITOR'), createUser('ADMIN'), createUser('AUTHOR'), createUser('CONTRIBUTOR')]);
});

describe('sections', () => {
  it('are managed by editors and admins only', async () => {
    const [s] = await listSectionsForAdmin(editor).then((all) => (all.length ? all : Promise.all([createSection({ name: 'Seed', description: null }, editor)])));
    for (const user of [author, contributor]) {
      await expect(listSectionsForAdmin(user)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(createSection({ name: 'Nope', description: null }, user)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(updateSection({ id: s!.id, name: 'Nope', description: null }, user)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(moveSection(s!.id, 'down', user)).rejects.toMatchObject({ code: 'forbidden' });
    }
  });

  it('are created at the end, renamed, described and reordered', async () => {
    const id = unique();
    const a = await createSection(createSectionSchema.parse({ name: `Alpha ${id}`, description: 'First.' }), editor);
    const b = await createSection(createSectionSchema.parse({ name: `Beta ${id}`, slug: `beta-${id}` }), admin);
    expect(b.slug).toBe(`beta-${id}`);
    await expect(createSection({ name: 'Dup', slug: `beta-${id}`, description: null }, editor)).rejects.toMatchObject({ code: 'conflict' });
    const order = async () => (await listSectionsForAdmin(editor)).map((s) => s.id);
    let ids = await order();
    expect(ids.slice(-2)).toEqual([a.id, b.id]);

    await moveSection(b.id, 'up', editor);
    ids = await order();
    expect(ids.indexOf(b.id)).toBe(ids.indexOf(a.id) - 1);
    const positions = (await listSectionsForAdmin(editor)).map((s) => s.position);
    expect(positions).toEqual(positions.map((_, i) => i));

    await updateSection({ id: a.id, name: `Renamed ${id}`, description: 'Described.' }, editor);
    expect(await db.section.findUnique({ where: { id: a.id }, select: { name: true, description: true, slug: true } })).toEqual({ name: `Renamed ${id}`, description: 'Described.', slug: a.slug });
    expect(await auditActions(a.id)).toEqual(['section.created', 'section.updated']);
    expect(await auditActions(b.id)).toEqual(['section.created', 'section.moved']);
  });
});

describe('two editors saving the same section or tag', () => {
  it('refuses the form rendered before the other’s save, saying so, and keeps the other’s words', async () => {
    const s = await createSection({ name: `Sport ${unique()}`, description: null }, editor);
    // Both forms were rendered at version 1 (their hidden field); the first save wins.
    const form = (name: string) => updateSectionSchema.parse({ id: s.id, name, description: '', version: '1' });
    expect(await updateSection(form('Sport and leisure'), editor)).toMatchObject({ version: 2 });
    const lost = updateSection(form('Sports'), admin);
    await expect(lost).rejects.toMatchObject({ code: 'conflict', currentVersion: 2 });
    await expect(lost).rejects.toThrow('Someone else changed this section meanwhile: it is now at version 2, not 1. Reload it to see their changes; yours were not saved.');
    expect(await db.section.findUniqueOrThrow({ where: { id: s.id }, select: { name: true, version: true } })).toEqual({ name: 'Sport and leisure', version: 2 });
    // Moving it changes its position, so a form showing the old one is stale too.
    await moveSection(s.id, 'up', editor);
    const moved = (await listSectionsForAdmin(editor)).find((x) => x.id === s.id)!;
    await expect(updateSection(updateSectionSchema.parse({ id: s.id, name: 'Sports', version: String(moved.version - 1) }), editor)).rejects.toMatchObject({ code: 'conflict' });

    const [tagName, otherName] = [`Stale ${unique()}`, `Other ${unique()}`];
    await write(editor, `${tagName}, ${otherName}`);
    const tags = await listTagsForAdmin(editor);
    const [t, other] = [tags.find((x) => x.name === tagName)!, tags.find((x) => x.name === otherName)!];
    await updateTag(updateTagSchema.parse({ id: t.id, name: `Fresh ${unique()}`, version: '1' }), editor);
    await expect(updateTag(updateTagSchema.parse({ id: t.id, name: 'Stale', version: '1' }), admin)).rejects.toMatchObject({ code: 'conflict', currentVersion: 2 });
    await expect(mergeTags(t.id, other.id, editor, { fromVersion: 1 })).rejects.toMatchObject({ code: 'conflict' });
    expect(await db.tag.count({ where: { id: t.id } })).toBe(1);
    expect(() => updateTagSchema.parse({ id: t.id, name: 'x', version: 'two' })).toThrow('The form’s version is not a number. Reload the page.');
  });
});

describe('tags', () => {
  it('are renamed, described and merged by editors and admins only', async () => {
    await write(editor, `Refuse ${unique()}`);
    const [t] = await listTagsForAdmin(editor);
    for (const user of [author, contributor]) {
      await expect(listTagsForAdmin(user)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(updateTag({ id: t!.id, name: 'x', description: null }, user)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(mergeTags(t!.id, 'other', user)).rejects.toMatchObject({ code: 'forbidden' });
    }
    await updateTag({ id: t!.id, name: 'Renamed tag', description: 'About this.' }, admin);
    expect(await db.tag.findUnique({ where: { id: t!.id }, select: { name: true, description: true } })).toEqual({ name: 'Renamed tag', description: 'About this.' });
  });

  it('merging A into B moves links without duplicates, deletes A and redirects /tags/a to /tags/b', async () => {
    const id = unique();
    const [a, b] = [`Mergefrom ${id}`, `Mergeinto ${id}`];
    const onlyA = await write(editor, a);
    const both = await write(editor, `${a}, ${b}`);
    const onlyB = await write(editor, b);
    const tagA = await db.tag.findUniqueOrThrow({ where: { slug: `mergefrom-${id}` } });
    const tagB = await db.tag.findUniqueOrThrow({ where: { slug: `mergeinto-${id}` } });
    // An earlier merge into A: the chain must collapse to point at B.
    await db.redirect.create({ data: { fromPath: `/tags/older-${id}`, toPath: `/tags/${tagA.slug}` } });

    await expect(mergeTags(tagA.id, tagA.id, editor)).rejects.toMatchObject({ code: 'unprocessable' });
    const result = await mergeTags(tagA.id, tagB.id, editor);
    expect(result).toMatchObject({ moved: 2 });

    expect(await db.tag.findUnique({ where: { id: tagA.id } })).toBeNull();
    for (const art of [onlyA, both, onlyB]) {
      expect(await db.articleTag.findMany({ where: { articleId: art.id }, select: { tagId: true } })).toEqual([{ tagId: tagB.id }]);
    }
    expect(await findRedirect(`/tags/${tagA.slug}`)).toEqual({ toPath: `/tags/${tagB.slug}`, statusCode: 301 });
    expect(await findRedirect(`/tags/older-${id}`)).toEqual({ toPath: `/tags/${tagB.slug}`, statusCode: 301 });
    expect(await auditActions(tagB.id)).toEqual(['tag.merged']);
  });
});

describe('article slugs', () => {
  it('change with a redirect from the old path, collapsing chains', async () => {
    const article = await write(editor, '', 'publish');
    const id = unique();
    await changeArticleSlug(article.id, `second-${id}`, editor);
    await changeArticleSlug(article.id, `third-${id}`, admin);
    expect(await findRedirect(`/articles/${article.slug}`)).toEqual({ toPath: `/articles/third-${id}`, statusCode: 301 });
    expect(await findRedirect(`/articles/second-${id}`)).toEqual({ toPath: `/articles/third-${id}`, statusCode: 301 });
    // Going back to the first slug makes it live again: no redirect loop.
    await changeArticleSlug(article.id, article.slug, editor);
    expect(await findRedirect(`/articles/${article.slug}`)).toBeNull();
    expect(await findRedirect(`/articles/third-${id}`)).toEqual({ toPath: `/articles/${article.slug}`, statusCode: 301 });
    expect(await findRedirect(`/articles/second-${id}`)).toEqual({ toPath: `/articles/${article.slug}`, statusCode: 301 });
    expect((await auditActions(article.id)).filter((a) => a === 'article.slug_changed')).toHaveLength(3);
    // The editor's optimistic-locking version is untouched.
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).version).toBe(article.version);
  });

  it('must be unique and kebab-case', async () => {
    const a = await write(editor, '');
    const b = await write(editor, '');
    await expect(changeArticleSlug(a.id, b.slug, editor)).rejects.toMatchObject({ code: 'conflict', details: { slug: [expect.any(String)] } });
    for (const bad of ['Has Capitals', 'double--hyphen', '-leading', 'trailing-', 'ümlaut', '']) {
      expect(changeSlugSchema.safeParse({ articleId: a.id, slug: bad }).success).toBe(false);
    }
    expect(changeSlugSchema.safeParse({ articleId: a.id, slug: 'good-slug-2' }).success).toBe(true);
  });

  it('authors change only their own drafts; editors and admins any article', async () => {
    const own = await write(author, '');
    const other = await write(editor, '');
    const published = await write(editor, '', 'publish');
    await changeArticleSlug(own.id, `own-${unique()}`, author);
    await expect(changeArticleSlug(other.id, `x-${unique()}`, author)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(changeArticleSlug(other.id, `x-${unique()}`, contributor)).rejects.toMatchObject({ code: 'forbidden' });
    await db.articleAuthor.create({ data: { articleId: published.id, userId: author.id, position: 1 } });
    await expect(changeArticleSlug(published.id, `x-${unique()}`, author)).rejects.toMatchObject({ code: 'forbidden' });
    await changeArticleSlug(published.id, `ok-${unique()}`, admin);
  });
});
