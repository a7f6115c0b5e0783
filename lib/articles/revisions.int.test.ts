import { beforeAll, describe, expect, it } from 'vitest';
import { saveArticle } from '@/lib/articles/mutations';
import { compareRevisions, listRevisions, restoreRevision } from '@/lib/articles/revisions';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';
import { articleFormSchema } from '@/lib/validation/articles';
import { createUser, unique } from '@/test/fixtures';

let author: StaffUser;
let otherAuthor: StaffUser;
let editor: StaffUser;

beforeAll(async () => {
  [author, otherAuthor, editor] = await Promise.all([createUser('AUTHOR'), createUser('AUTHOR'), createUser('EDITOR')]);
});

async function articleWithTwoVersions() {
  const title = `Bridge repairs ${unique()}`;
  const v1 = await saveArticle({ intent: 'save', data: articleFormSchema.parse({ title, body: 'The bridge closes on Monday.\n\nBuses will divert.' }) }, author);
  const v2 = await saveArticle({ id: v1.id, version: v1.version, intent: 'save', data: articleFormSchema.parse({ title, body: 'The bridge closes on Tuesday.\n\nBuses will divert.' }) }, author);
  return { id: v1.id, version: v2.version };
}

describe('revisions', () => {
  it('lists every save with who made it, newest first', async () => {
    const { id } = await articleWithTwoVersions();
    const { revisions } = await listRevisions(id, author);
    expect(revisions.map((r) => r.version)).toEqual([2, 1]);
    expect(revisions.every((r) => r.author?.name === author.name)).toBe(true);
  });

  it('compares two revisions word by word', async () => {
    const { id } = await articleWithTwoVersions();
    const { revisions } = await listRevisions(id, editor);
    const diff = await compareRevisions(id, revisions[1]!.id, revisions[0]!.id, editor);
    expect(diff.body[0]).toEqual([
      { kind: 'same', text: 'The bridge closes on' },
      { kind: 'removed', text: ' Monday.' },
      { kind: 'added', text: ' Tuesday.' },
    ]);
    expect(diff.body[1]).toEqual([{ kind: 'same', text: 'Buses will divert.' }]);
  });

  it('restores an old revision as a new version and refuses a stale restore', async () => {
    const { id, version } = await articleWithTwoVersions();
    const { revisions } = await listRevisions(id, author);
    const first = revisions.find((r) => r.version === 1)!;
    const restored = await restoreRevision(id, first.id, version, author);
    expect(restored.version).toBe(3);
    const row = await db.article.findUniqueOrThrow({ where: { id }, select: { bodyHtml: true, version: true } });
    expect(row.version).toBe(3);
    expect(row.bodyHtml).toContain('Monday');
    expect(await db.articleRevision.count({ where: { articleId: id } })).toBe(3);
    expect(await db.auditLog.count({ where: { entityId: id, action: 'article.restored' } })).toBe(1);

    await expect(restoreRevision(id, first.id, version, author)).rejects.toMatchObject({ code: 'conflict' });
  });

  it("keeps other authors out of an article's history", async () => {
    const { id } = await articleWithTwoVersions();
    await expect(listRevisions(id, otherAuthor)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
