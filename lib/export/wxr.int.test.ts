import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { CommentRecord, ContentRecord } from '@/lib/import/records';
import { readWordPress } from '@/lib/import/wordpress';
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
