import 'server-only';
import crypto from 'node:crypto';
import { env } from '@/lib/env';
import type { Db } from '@/lib/db';

// Multi-row INSERTs for the import's grouped writes, as plain SQL through the transaction.
// Prisma's createMany costs ~0.3 ms of CPU per row in the client (argument checks, query
// planning, result mapping: more than the database itself), which made it most of an import's
// time; the same rows as one parameterised INSERT cost ~0.04 ms. Values are stored exactly as
// Prisma stores them (bulk-insert.int.test.ts compares both, column by column, on each
// database), so every other query reads these rows as if Prisma had written them:
//   - dates go through the driver adapter, which formats them as Prisma does;
//   - JSON is its JSON text (SQLite TEXT; PostgreSQL infers jsonb from the column);
//   - Prisma-side defaults are filled here: ids are made by the caller, createdAt/updatedAt
//     are "now" unless given (never the database's CURRENT_TIMESTAMP, whose SQLite text
//     differs from Prisma's).

type Client = Pick<Db, '$executeRawUnsafe'>;
type Value = string | number | boolean | Date | null;
/** How a column's value is written: `json` values are stringified; `now` columns default to the statement's time. */
type ColumnKind = 'value' | 'json' | 'now';
export type BulkTable = { name: string; columns: Record<string, ColumnKind> };

/** The tables the import writes in bulk, with every column it sets (the rest keep their database defaults). */
export const BULK_TABLES = {
  article: {
    name: 'Article',
    columns: {
      id: 'value',
      title: 'value',
      slug: 'value',
      standfirst: 'value',
      bodyJson: 'json',
      bodyHtml: 'value',
      wordCount: 'value',
      status: 'value',
      publishedAt: 'value',
      scheduledAt: 'value',
      sectionId: 'value',
      heroImageId: 'value',
      seoTitle: 'value',
      seoDescription: 'value',
      canonicalUrl: 'value',
      sticky: 'value',
      commentsOpen: 'value',
      createdAt: 'now',
      updatedAt: 'now',
    },
  },
  articleAuthor: { name: 'ArticleAuthor', columns: { articleId: 'value', userId: 'value', position: 'value' } },
  articleTag: { name: 'ArticleTag', columns: { articleId: 'value', tagId: 'value' } },
  articleRevision: {
    name: 'ArticleRevision',
    columns: { id: 'value', articleId: 'value', version: 'value', title: 'value', standfirst: 'value', bodyJson: 'json', status: 'value', authorId: 'value', createdAt: 'now' },
  },
  auditLog: {
    name: 'AuditLog',
    columns: { id: 'value', actorId: 'value', action: 'value', entityType: 'value', entityId: 'value', summary: 'value', data: 'json', createdAt: 'now' },
  },
  redirect: { name: 'Redirect', columns: { id: 'value', fromPath: 'value', toPath: 'value', statusCode: 'value', createdAt: 'now' } },
  comment: {
    name: 'Comment',
    columns: {
      id: 'value',
      articleId: 'value',
      parentId: 'value',
      status: 'value',
      authorName: 'value',
      authorEmail: 'value',
      authorUrl: 'value',
      body: 'value',
      ipHash: 'value',
      userId: 'value',
      createdAt: 'now',
      updatedAt: 'now',
    },
  },
  importItem: {
    name: 'ImportItem',
    columns: { id: 'value', source: 'value', kind: 'value', originalId: 'value', entityId: 'value', fingerprint: 'value', entityVersion: 'value', createdAt: 'now', updatedAt: 'now' },
  },
} as const satisfies Record<string, BulkTable>;

export type BulkTableName = keyof typeof BULK_TABLES;
/** A row: every column the table lists; `now` columns may be left out. */
export type BulkRow<T extends BulkTableName> = {
  [C in keyof (typeof BULK_TABLES)[T]['columns'] as (typeof BULK_TABLES)[T]['columns'][C] extends 'now' ? never : C]: unknown;
} & { [C in keyof (typeof BULK_TABLES)[T]['columns'] as (typeof BULK_TABLES)[T]['columns'][C] extends 'now' ? C : never]?: Date };

/** Bound parameters per statement, well under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 20_000;

function valueOf(kind: ColumnKind, v: unknown, now: Date): Value {
  if (kind === 'now') return (v as Date | undefined) ?? now;
  if (v === undefined || v === null) return null;
  if (kind === 'json') return JSON.stringify(v);
  return v as Value;
}

/** Inserts `rows` into one of BULK_TABLES with as few statements as the parameter limit allows. */
export async function insertRows<T extends BulkTableName>(client: Client, table: T, rows: BulkRow<T>[]): Promise<void> {
  if (!rows.length) return;
  const spec: BulkTable = BULK_TABLES[table];
  const columns = Object.entries(spec.columns);
  const sqlite = env.DATABASE_PROVIDER === 'sqlite';
  const head = `INSERT INTO "${spec.name}" (${columns.map(([c]) => `"${c}"`).join(', ')}) VALUES `;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const now = new Date();
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: Value[] = [];
    const tuples: string[] = [];
    for (const row of chunk) {
      const marks: string[] = [];
      for (const [column, kind] of columns) {
        params.push(valueOf(kind, (row as Record<string, unknown>)[column], now));
        marks.push(sqlite ? '?' : `$${params.length}`);
      }
      tuples.push(`(${marks.join(', ')})`);
    }
    await client.$executeRawUnsafe(head + tuples.join(', '), ...params);
  }
}

let counter = 0;
let random = Buffer.alloc(0);
let randomAt = 0;
/** A collision-free id in the shape of Prisma's cuid() default (c + time + counter + randomness), for rows written here. */
export function newId(): string {
  if (randomAt + 8 > random.length) {
    random = crypto.randomBytes(8 * 512);
    randomAt = 0;
  }
  const r = random.toString('hex', randomAt, randomAt + 8);
  randomAt += 8;
  return `c${Date.now().toString(36)}${(counter++ % 1_679_616).toString(36).padStart(4, '0')}${r}`;
}
