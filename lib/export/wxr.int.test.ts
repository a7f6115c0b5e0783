import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { CommentRecord, ContentRecord } from '@/lib/import/records';
import { readWordPress } from '@/lib/import/wordpress';
import { getSite } from '@/lib/site';
import { createArticle, createSection, createUser, unique } from '@/test/fixtures';
import { exportWxr } from './wxr';

// The WXR export read back by the WordPress reader (which follows WordPress's own export format).

describe('the WXR export', () => {
  it('holds each article with its section, byline, status, dates and threaded comments', async () => {
    const author = await createUser('AUTHOR');
    const section = await createSection();
    const a = await createArticle({
      title: `Leaving for WordPress ${unique()}`,
      standfirst: 'Off we go.',
      sectionId: section.id,
      authorIds: [author.id],
      publishedAt: new Date('2024-05-01T10:00:00Z'),
    });
    const top = await db.comment.create({ data: { articleId: a.id, status: 'APPROVED', authorName: 'Ann', authorEmail: 'ann@example.org', body: 'Bye!' } });
    await db.comment.create({ data: { articleId: a.id, parentId: top.id, status: 'PENDING', authorName: 'Bo', authorEmail: 'bo@example.org', body: 'Really?' } });
    const file = path.join(os.tmpdir(), `wxr-export-${unique()}.xml`);
    await exportWxr(file, 'https://news.example');
    const records = [];
    for await (const r of readWordPress(file)) records.push(r);
    // WordPress's importer takes post_date (the site's clock) as the post's date: both clocks are there.
    const xml = fs.readFileSync(file, 'utf8');
    const item = xml.split('</item>').find((i) => i.includes(`<wp:post_name><![CDATA[${a.slug}]]>`))!;
    const { timeZone } = await getSite();
    const onSiteClock = new Date('2024-05-01T10:00:00Z').toLocaleString('sv-SE', { timeZone });
    expect(item).toContain(`<wp:post_date><![CDATA[${onSiteClock}]]></wp:post_date><wp:post_date_gmt><![CDATA[2024-05-01 10:00:00]]></wp:post_date_gmt>`);
    expect(item).toContain(`<guid isPermaLink="false">https://news.example/articles/${a.slug}</guid>`);
    expect(item).toMatch(/<wp:comment_date><!\[CDATA\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\]\]><\/wp:comment_date>/);
    fs.rmSync(file);
    const post = records.find((r): r is ContentRecord => r.kind === 'post' && r.slug === a.slug)!;
    expect(post).toMatchObject({ title: a.title, status: 'PUBLISHED', publishedAt: '2024-05-01T10:00:00.000Z', standfirst: 'Off we go.', section: { slug: section.slug } });
    expect(post.body.doc.content[0]).toMatchObject({ type: 'paragraph' });
    const comments = records.filter((r): r is CommentRecord => r.kind === 'comment' && r.postOriginalId === post.originalId);
    expect(comments.map((c) => [c.authorName, c.status, c.authorEmail])).toEqual([
      ['Ann', 'APPROVED', ''],
      ['Bo', 'PENDING', ''],
    ]);
    expect(comments[1]!.parentOriginalId).toBe(comments[0]!.originalId);
    expect(records.some((r) => r.kind === 'user' && r.displayName === author.name)).toBe(true);
  });
});
