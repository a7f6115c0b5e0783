import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { findRedirect } from '@/lib/redirects';
import type { StaffUser } from '@/lib/users';
import { createUser, unique } from '@/test/fixtures';
import { writeSyntheticWxr } from '@/test/fixtures/import/synthetic-wxr';
import { importAs } from '@/test/helpers/import-run';

// New posts are written in groups (one transaction and one statement per table for many posts):
// the result must be what one post at a time gave — threads, bylines, tags, revisions, audit,
// old addresses, ledger — and a group the database refuses must fall back to one post at a time.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-bulk-'));
const file = path.join(dir, 'synthetic.xml');
let admin: StaffUser;
let synthetic = '';
/** This file's own ledger: other files of the run import WordPress exports too. */
const LEDGER = `wordpress-${unique()}`;

/** The export with its post and comment ids under `prefix`, so each test of this file imports posts the other did not. */
const withIds = (xml: string, prefix: string) =>
  xml
    .replaceAll('<wp:post_id>', `<wp:post_id>${prefix}`)
    .replaceAll('<wp:comment_id>', `<wp:comment_id>${prefix}`)
    .replace(/<wp:comment_parent>([1-9]\d*)/g, `<wp:comment_parent>${prefix}$1`);

beforeAll(async () => {
  admin = await createUser('ADMIN');
  const raw = path.join(dir, 'raw.xml');
  await writeSyntheticWxr(raw, { posts: 30, commentsPerPost: 4, authors: 3, categories: 3, tags: 8 });
  synthetic = fs.readFileSync(raw, 'utf8');
  fs.writeFileSync(file, withIds(synthetic, '8000000'));
});

afterAll(async () => {
  await db.importItem.deleteMany({ where: { source: LEDGER } });
  fs.rmSync(dir, { recursive: true, force: true });
});

const storyIds = async () =>
  (await db.importItem.findMany({ where: { source: LEDGER, kind: 'post', originalId: { in: Array.from({ length: 30 }, (_, i) => `8000000${(i + 1) * 10}`) } }, select: { entityId: true } })).map(
    (i) => i.entityId!,
  );

describe('new posts written together', () => {
  it('imports posts with everything a one-by-one import gave them, and a second run changes nothing', async () => {
    const report = await importAs(admin, { source: 'wordpress', ledger: LEDGER, file, mediaDir: dir });
    expect(report.kinds.post).toMatchObject({ imported: 30, skipped: 0 });
    // Every tenth post's first comment is a pingback (skipped); 120 comments in all.
    expect(report.kinds.comment).toMatchObject({ imported: 117, skipped: 3 });

    const ids = await storyIds();
    expect(ids).toHaveLength(30);
    const story = await db.article.findFirstOrThrow({
      where: { slug: 'synthetic-story-3' },
      select: {
        id: true,
        version: true,
        status: true,
        section: { select: { slug: true } },
        tags: { select: { tag: { select: { slug: true } } } },
        authors: { select: { position: true } },
        bodyHtml: true,
      },
    });
    expect(story).toMatchObject({ version: 1, status: 'PUBLISHED', section: { slug: 'section-1' } });
    expect(story.tags.map((t) => t.tag.slug).sort()).toEqual(['topic-4', 'topic-6']);
    expect(story.authors).toEqual([{ position: 0 }]);
    expect(story.bodyHtml).toContain('<p>');
    expect(await db.articleRevision.count({ where: { articleId: { in: ids }, version: 1 } })).toBe(30);
    expect(await db.auditLog.count({ where: { entityId: { in: ids }, action: 'article.imported', actorId: admin.id } })).toBe(30);
    expect(await findRedirect('/2015/synthetic-story-3')).toMatchObject({ toPath: '/articles/synthetic-story-3' });

    // Replies hang from their parent comment, on the same article.
    const replies = await db.comment.findMany({ where: { articleId: story.id, parentId: { not: null } }, select: { parent: { select: { articleId: true } } } });
    expect(replies.length).toBeGreaterThan(0);
    for (const r of replies) expect(r.parent?.articleId).toBe(story.id);
    expect(await db.importItem.count({ where: { source: LEDGER, kind: 'comment', entityId: { not: null }, originalId: { in: Array.from({ length: 120 }, (_, i) => `8000000${i + 1}`) } } })).toBe(117);

    const again = await importAs(admin, { source: 'wordpress', ledger: LEDGER, file, mediaDir: dir });
    expect(again.kinds.post).toMatchObject({ imported: 0, unchanged: 30 });
    expect(again.kinds.comment).toMatchObject({ imported: 0, unchanged: 117 });
  }, 120_000);

  it('falls back to one post at a time when the database refuses the group, counting each once', async () => {
    // The same post twice in one export: the group's ledger rows collide, so the group is refused
    // and applied one post at a time, where the second copy updates the first.
    const xml = withIds(synthetic, '7000000').replaceAll('synthetic-story-', 'twice-story-');
    const start = xml.indexOf('<item>', xml.indexOf('twice-story-2/'));
    const lastItem = xml.slice(xml.lastIndexOf('<item>', xml.indexOf('twice-story-2/')), xml.indexOf('</item>', xml.indexOf('twice-story-2/')) + '</item>'.length);
    const copy = lastItem.replace(/<title><!\[CDATA\[[^\]]*\]\]><\/title>/, '<title><![CDATA[Second copy of story 2]]></title>').replace(/<wp:comment>[\s\S]*<\/wp:comment>\n?/g, '');
    const doubled = path.join(dir, 'doubled.xml');
    fs.writeFileSync(doubled, `${xml.slice(0, start)}${copy}\n${xml.slice(start)}`);

    const report = await importAs(admin, { source: 'wordpress', ledger: LEDGER, file: doubled, mediaDir: dir });
    expect(report.kinds.post).toMatchObject({ imported: 30, updated: 1, skipped: 0 });
    expect(report.kinds.comment).toMatchObject({ imported: 117, skipped: 3 });
    expect(await db.article.count({ where: { slug: { in: ['twice-story-2', 'twice-story-2-2'] } } })).toBe(1);
    expect((await db.article.findUniqueOrThrow({ where: { slug: 'twice-story-2' }, select: { title: true } })).title).toBe('Second copy of story 2');
  }, 120_000);
});
