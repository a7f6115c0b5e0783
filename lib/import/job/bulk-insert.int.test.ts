import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { createTag, createUser, unique } from '@/test/fixtures';
import { BULK_TABLES, insertRows, newId, type BulkTableName } from './bulk-insert';

// The import writes its groups with plain multi-row INSERTs (bulk-insert.ts). Every other query
// goes through Prisma, so those rows must be stored exactly as Prisma stores the same values:
// the same date text, JSON text, booleans and enums, and no database default where Prisma
// would have filled a value. Each table gets one row from Prisma and one from insertRows with
// the same values; every column is then compared as the database holds it.

const sqlite = env.DATABASE_PROVIDER === 'sqlite';

/** Each column of `table` as stored (its text, and on SQLite its storage class), for rows `where`. */
async function stored(table: BulkTableName, keyColumn: string, keys: string[]): Promise<Record<string, unknown>[]> {
  const columns = Object.keys(BULK_TABLES[table].columns);
  const select = columns.flatMap((c) => [`CAST("${c}" AS TEXT) AS "${c}"`, ...(sqlite ? [`typeof("${c}") AS "${c}:type"`] : [])]);
  const marks = keys.map((_, i) => (sqlite ? '?' : `$${i + 1}`)).join(', ');
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT ${select.join(', ')} FROM "${BULK_TABLES[table].name}" WHERE "${keyColumn}" IN (${marks})`, ...keys);
  return keys.map((k) => rows.find((r) => r[keyColumn] === k)!);
}

/** The two rows with the columns that must differ between them (keys, unique values) left out. */
const alike = (rows: Record<string, unknown>[], differing: string[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([c]) => !differing.some((d) => c === d || c === `${d}:type`))));

/** A stored time's form (PostgreSQL's text drops trailing zeros of the milliseconds). */
const shape = (v: unknown) => String(v).replace(/\.\d+/, '').replace(/\d/g, '0');

const when = new Date(Date.UTC(2019, 4, 17, 8, 30, 12, 345));
const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quay “café” & <tide> 🌊', marks: [{ type: 'bold' }] }] }] };

describe('bulk inserts', () => {
  it('store articles, bylines, tags, revisions, audit entries and comments exactly as Prisma does', async () => {
    const user = await createUser('AUTHOR');
    const tag = await createTag();
    const [viaPrisma, viaBulk] = [newId(), newId()];
    const article = (id: string) => ({
      id,
      title: `Bulk ${id}`,
      slug: `bulk-${id}`,
      standfirst: 'It’s “quoted”',
      bodyJson: doc,
      bodyHtml: '<p><strong>Quay</strong></p>',
      wordCount: 4,
      status: 'PUBLISHED' as const,
      publishedAt: when,
      scheduledAt: null,
      sectionId: null,
      heroImageId: null,
      seoTitle: 'SEO',
      seoDescription: null,
      canonicalUrl: 'https://example.org/a?b=1&c=2',
      sticky: true,
      commentsOpen: false,
      createdAt: when,
      updatedAt: new Date(when.getTime() + 1),
    });
    await db.article.create({ data: article(viaPrisma) });
    await insertRows(db, 'article', [article(viaBulk)]);
    const [art1, art2] = alike(await stored('article', 'id', [viaPrisma, viaBulk]), ['id', 'title', 'slug']);
    expect(art2).toEqual(art1);

    await db.articleAuthor.create({ data: { articleId: viaPrisma, userId: user.id, position: 2 } });
    await insertRows(db, 'articleAuthor', [{ articleId: viaBulk, userId: user.id, position: 2 }]);
    const [byline1, byline2] = alike(await stored('articleAuthor', 'articleId', [viaPrisma, viaBulk]), ['articleId']);
    expect(byline2).toEqual(byline1);

    await db.articleTag.create({ data: { articleId: viaPrisma, tagId: tag.id } });
    await insertRows(db, 'articleTag', [{ articleId: viaBulk, tagId: tag.id }]);
    const [tag1, tag2] = alike(await stored('articleTag', 'articleId', [viaPrisma, viaBulk]), ['articleId']);
    expect(tag2).toEqual(tag1);

    const revision = (articleId: string) => ({ articleId, version: 1, title: 'T', standfirst: '', bodyJson: doc, status: 'PUBLISHED' as const, authorId: user.id, createdAt: when });
    const [rev1, rev2] = [newId(), newId()];
    await db.articleRevision.create({ data: { id: rev1, ...revision(viaPrisma) } });
    await insertRows(db, 'articleRevision', [{ id: rev2, ...revision(viaBulk) }]);
    const [r1, r2] = alike(await stored('articleRevision', 'id', [rev1, rev2]), ['id', 'articleId']);
    expect(r2).toEqual(r1);

    const [audit1, audit2, audit3, audit4] = [newId(), newId(), newId(), newId()];
    const audit = { actorId: user.id, action: 'article.imported', entityType: 'article', entityId: viaPrisma, summary: 'S', createdAt: when };
    await db.auditLog.create({ data: { id: audit1, ...audit, data: { apiKey: { id: 'k', name: 'Key “1”' } } } });
    await db.auditLog.create({ data: { id: audit3, ...audit } });
    await insertRows(db, 'auditLog', [
      { id: audit2, ...audit, data: { apiKey: { id: 'k', name: 'Key “1”' } } },
      { id: audit4, ...audit, data: null },
    ]);
    const [a1, a2, a3, a4] = alike(await stored('auditLog', 'id', [audit1, audit2, audit3, audit4]), ['id']);
    expect(a2).toEqual(a1);
    expect(a4).toEqual(a3);

    const comment = (articleId: string) => ({
      articleId,
      parentId: null,
      status: 'SPAM' as const,
      authorName: 'Reader',
      authorEmail: 'reader@example.org',
      authorUrl: null,
      body: 'Line one.\n\nLine “two” & <three>.',
      ipHash: 'hash',
      userId: null,
      createdAt: when,
    });
    const [c1, c2] = [newId(), newId()];
    await db.comment.create({ data: { id: c1, ...comment(viaPrisma) } });
    await insertRows(db, 'comment', [{ id: c2, ...comment(viaBulk) }]);
    const [s1, s2] = await stored('comment', 'id', [c1, c2]);
    // updatedAt is "now" on both sides: the same form, not the same instant.
    const { updatedAt: u1, ...rest1 } = alike([s1!], ['id', 'articleId'])[0]!;
    const { updatedAt: u2, ...rest2 } = alike([s2!], ['id', 'articleId'])[0]!;
    expect(rest2).toEqual(rest1);
    expect(shape(u2)).toBe(shape(u1));

    // What Prisma reads back is the same too.
    const read = async (id: string) =>
      db.article.findUniqueOrThrow({ where: { id }, select: { bodyJson: true, publishedAt: true, createdAt: true, updatedAt: true, sticky: true, commentsOpen: true, status: true } });
    expect(await read(viaBulk)).toEqual(await read(viaPrisma));
    await db.article.deleteMany({ where: { id: { in: [viaPrisma, viaBulk] } } });
    await db.auditLog.deleteMany({ where: { id: { in: [audit1, audit2, audit3, audit4] } } });
  });

  it('stores ledger rows and redirects as Prisma does, and splits a long list into several statements', async () => {
    const tag = unique();
    const rows = Array.from({ length: 2_500 }, (_, i) => ({
      id: newId(),
      source: `bulk-test-${tag}`,
      kind: 'comment',
      originalId: String(i),
      entityId: i % 2 ? null : `e${i}`,
      fingerprint: 'f',
      entityVersion: i % 3 ? null : 7,
    }));
    const viaPrisma = { id: newId(), source: `bulk-test-${tag}`, kind: 'comment', originalId: 'prisma', entityId: 'e0', fingerprint: 'f', entityVersion: 7 };
    await db.importItem.create({ data: viaPrisma });
    await insertRows(db, 'importItem', rows);
    expect(await db.importItem.count({ where: { source: `bulk-test-${tag}` } })).toBe(2_501);
    const [p, b] = await stored('importItem', 'id', [viaPrisma.id, rows[0]!.id]);
    const strip = (r: Record<string, unknown>) => alike([r], ['id', 'originalId', 'createdAt', 'updatedAt'])[0];
    expect(strip(b!)).toEqual(strip(p!));
    expect(shape(b!.createdAt)).toBe(shape(p!.createdAt));
    await db.importItem.deleteMany({ where: { source: `bulk-test-${tag}` } });

    const [r1, r2] = [newId(), newId()];
    await db.redirect.create({ data: { id: r1, fromPath: `/bulk-${tag}-a`, toPath: '/articles/x', statusCode: 301, createdAt: when } });
    await insertRows(db, 'redirect', [{ id: r2, fromPath: `/bulk-${tag}-b`, toPath: '/articles/x', statusCode: 301, createdAt: when }]);
    const [x1, x2] = alike(await stored('redirect', 'id', [r1, r2]), ['id', 'fromPath']);
    expect(x2).toEqual(x1);
    await db.redirect.deleteMany({ where: { id: { in: [r1, r2] } } });
  });
});
