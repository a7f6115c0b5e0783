import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveArticle } from '@/lib/articles/mutations';
import { db } from '@/lib/db';
import { databaseUrl, pgConfig, providerOf, ROOT } from '@/lib/db-config';
import { exportSite } from '@/lib/export/write';
import { uploadMedia } from '@/lib/media';
import { LocalDiskDriver } from '@/lib/media/storage';
import { setStorageForTests } from '@/lib/media/driver';
import { createSection, createUser, unique } from '@/test/fixtures';
import { apiSnapshot } from '@/test/helpers/api-snapshot';
import { migrateDeploy } from '../scripts/db/engine.ts';

// Leaving and arriving: the site is exported from this test's database and imported, through the
// CLI in another process, into an empty database of the OTHER provider (SQLite → PostgreSQL and
// back). What the content API answers must then be the same.

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-round-trip-'));
const here = providerOf(databaseUrl());
let other = '';
let dropOther = async () => {};

beforeAll(async () => {
  setStorageForTests(new LocalDiskDriver(path.join(tmp, 'source-media')));
  if (here === 'sqlite') {
    const server = 'postgresql://postgres@127.0.0.1:5432/postgres';
    const name = `broadsheet_import_rt_${crypto.randomBytes(5).toString('hex')}`;
    const admin = new pg.Client(pgConfig(server));
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    other = server.replace(/\/postgres$/, `/${name}`);
    dropOther = async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
  } else other = `file:${path.join(tmp, 'target.db')}`;
  await migrateDeploy(other);
}, 120_000);
afterAll(async () => {
  setStorageForTests(undefined);
  await dropOther();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function inOther(script: string, args: string[]): string {
  return execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: other, MEDIA_DIR: path.join(tmp, 'target-media') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('export, then import into the other database', () => {
  it('gives the same content API answers', async () => {
    const editor = await createUser('EDITOR', `Ed Round ${unique()}`);
    const writer = await createUser('AUTHOR', `Ann Trip ${unique()}`);
    const section = await createSection(`Harbour ${unique()}`);
    const bytes = await sharp({ create: { width: 800, height: 500, channels: 3, background: { r: 20, g: 80, b: 140 } } })
      .jpeg()
      .toBuffer();
    const image = await uploadMedia({ bytes, filename: 'quay.jpg', text: { alt: 'The quay at dawn', caption: 'Early light', credit: 'Staff' } }, editor);
    const body = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'The ferries are back.' }] },
        { type: 'image', attrs: { mediaId: image.id, alt: 'The quay', caption: 'Morning', credit: '' } },
      ],
    };
    const saved = await saveArticle(
      {
        intent: 'publish',
        data: {
          title: `Round trip ${unique()}`,
          standfirst: 'There and back.',
          body: '',
          bodyJson: body as never,
          sectionId: section.id,
          tags: ['Ferries', 'Harbour life'],
          heroImageId: image.id,
        } as never,
      },
      editor,
    );
    await db.articleAuthor.create({ data: { articleId: saved.id, userId: writer.id, position: 1 } });
    const top = await db.comment.create({ data: { articleId: saved.id, status: 'APPROVED', authorName: 'Reader', authorEmail: 'r@example.org', body: 'Good news.' } });
    await db.comment.create({ data: { articleId: saved.id, parentId: top.id, status: 'APPROVED', authorName: 'Other reader', authorEmail: 'o@example.org', body: 'Agreed.' } });
    await db.comment.create({ data: { articleId: saved.id, status: 'SPAM', authorName: 'Spammer', authorEmail: 's@example.org', body: 'Buy.' } });

    const file = path.join(tmp, 'site.json');
    const summary = await exportSite(file);
    expect(summary.mediaArchive).toBeTruthy();
    const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(exported.comments.every((c: object) => !('authorEmail' in c) && !('ipHash' in c))).toBe(true);
    expect(JSON.stringify(exported.users)).not.toMatch(/passwordHash|totpSecret/);
    const media = path.join(tmp, 'media');
    fs.mkdirSync(media, { recursive: true }); // a retry finds it made
    execFileSync('tar', ['-xf', summary.mediaArchive!, '-C', media]);

    const before = await apiSnapshot([saved.slug]);
    inOther('scripts/db.ts', ['admin', '--email', 'admin@round-trip.test', '--name', 'Round Trip Admin']);
    const report = inOther('scripts/import.ts', ['broadsheet', file, '--media-dir', media]);
    expect(report).toMatch(/post: \d+ imported/);
    const after = JSON.parse(inOther('test/helpers/api-snapshot.ts', [saved.slug]));
    expect((before as { articles: unknown[] }).articles).toHaveLength(1);
    expect(after).toEqual(JSON.parse(JSON.stringify(before)));
  }, 420_000); // two exports and two imports of the whole demo site, niced beside the browser tests in CI
});
