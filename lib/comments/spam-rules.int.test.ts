import { Redis } from 'ioredis';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { saveArticle } from '@/lib/articles/mutations';
import { DUPLICATE_MESSAGE, issueCommentFormToken, moderateComment, submitComment } from '@/lib/comments';
import { consumeRateLimits, createRateLimiters, parseRateLimits, type RateLimiters } from '@/lib/comments/rate-limit';
import { db } from '@/lib/db';
import { getCommentSettings } from '@/lib/settings/comments';
import type { StaffUser } from '@/lib/users';
import { articleFormSchema } from '@/lib/validation/articles';
import { createUser, unique } from '@/test/fixtures';
import { writeSettingsRow } from '@/test/settings';

let editor: StaffUser;
let article: { id: string; slug: string };

const publish = async () => saveArticle({ intent: 'publish', data: articleFormSchema.parse({ title: `Spam target ${unique()}`, body: 'Body.' }) }, editor);

type Extra = { formToken?: string; honeypot?: string; parentId?: string; body?: string; email?: string; name?: string; website?: string };

/** A submission whose form was served `servedAgoMs` before it was posted. */
function post(articleId: string, extra: Extra = {}, servedAgoMs = 60_000, ip = `198.51.100.${Math.floor(Math.random() * 250)}`) {
  const now = Date.now();
  return submitComment(
    {
      articleId,
      body: `Considered view ${unique()}`,
      name: 'Pat Reader',
      email: `pat-${unique()}@example.com`,
      formToken: issueCommentFormToken(articleId, now - servedAgoMs),
      ...extra,
    },
    { ip, userAgent: 'Vitest', now },
  );
}

const setSettings = (value: object) => writeSettingsRow('comments', value);
const statusOf = async (id: string) => (await db.comment.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
const g = globalThis as { broadsheetCommentLimiters?: RateLimiters };

beforeAll(async () => {
  editor = await createUser('EDITOR');
  article = await publish();
});

afterEach(async () => {
  await writeSettingsRow('comments', null);
  delete g.broadsheetCommentLimiters;
});

describe('comment settings', () => {
  it('has sensible defaults and falls back per field on bad stored values', async () => {
    expect(await getCommentSettings()).toEqual({ maxLinks: 2, moderationWords: [], blockWords: [], autoApproveKnown: false, threadDepth: 3, closeAfterDays: 0, minSeconds: 3 });
    await setSettings({ maxLinks: 'many', blockWords: ['Casino'], threadDepth: 99, minSeconds: -1 });
    expect(await getCommentSettings()).toMatchObject({ maxLinks: 2, blockWords: ['casino'], threadDepth: 3, minSeconds: 3 });
  });
});

describe('spam and hold rules on submission', () => {
  it('stores an ordinary comment as pending', async () => {
    expect((await post(article.id)).status).toBe('PENDING');
  });

  it('sends a comment posted faster than COMMENT_MIN_SECONDS (3 s) to spam, and records why', async () => {
    const fast = await post(article.id, {}, 1_000);
    expect(fast.status).toBe('SPAM');
    expect(await statusOf(fast.id)).toBe('SPAM');
    expect(await db.auditLog.findFirst({ where: { entityId: fast.id }, select: { action: true, actorId: true, summary: true } })).toEqual({
      action: 'comment.auto-spam',
      actorId: null,
      summary: 'too-fast',
    });
    expect((await post(article.id, {}, 3_500)).status).toBe('PENDING');
  });

  it('follows the too-fast threshold set in comment settings (COMMENT_MIN_SECONDS unset)', async () => {
    const before = await getCommentSettings();
    try {
      await setSettings({ ...before, minSeconds: 20 });
      expect((await post(article.id, {}, 10_000)).status).toBe('SPAM');
      expect((await post(article.id, {}, 21_000)).status).toBe('PENDING');
      await setSettings({ ...before, minSeconds: 0 });
      expect((await post(article.id, {}, 0)).status).toBe('PENDING');
    } finally {
      await setSettings(before);
    }
  });

  it('sends a comment with a missing, forged or foreign form token to spam', async () => {
    expect((await post(article.id, { formToken: undefined })).status).toBe('SPAM');
    expect((await post(article.id, { formToken: `${Date.now() - 60_000}.${'A'.repeat(43)}` })).status).toBe('SPAM');
    const other = await publish();
    expect((await post(article.id, { formToken: issueCommentFormToken(other.id, Date.now() - 60_000) })).status).toBe('SPAM');
  });

  it('sends a comment that filled the honeypot to spam', async () => {
    expect((await post(article.id, { honeypot: 'http://bot.example' })).status).toBe('SPAM');
  });

  it('applies the block list and moderation words from the settings table', async () => {
    await setSettings({ blockWords: ['casino'], moderationWords: ['lawsuit'], autoApproveKnown: true });
    expect((await post(article.id, { body: 'Win at the CASINO today' })).status).toBe('SPAM');
    const known = `known-${unique()}@example.com`;
    const first = await post(article.id, { email: known });
    await moderateComment(first.id, 'approve', editor);
    expect((await post(article.id, { email: known, body: 'I will file a lawsuit' })).status).toBe('PENDING');
  });

  it('holds a comment with more links than allowed', async () => {
    await setSettings({ maxLinks: 1, autoApproveKnown: true });
    const known = `links-${unique()}@example.com`;
    await moderateComment((await post(article.id, { email: known })).id, 'approve', editor);
    expect((await post(article.id, { email: known, body: 'one https://a.example' })).status).toBe('APPROVED');
    expect((await post(article.id, { email: known, body: 'two https://a.example https://b.example' })).status).toBe('PENDING');
  });

  it('auto-approves a commenter with an approved comment only when the setting is on', async () => {
    const email = `regular-${unique()}@example.com`;
    await moderateComment((await post(article.id, { email })).id, 'approve', editor);
    expect((await post(article.id, { email })).status).toBe('PENDING');
    await setSettings({ autoApproveKnown: true });
    expect((await post(article.id, { email })).status).toBe('APPROVED');
    expect((await post(article.id, { email: `stranger-${unique()}@example.com` })).status).toBe('PENDING');
  });

  it('refuses the same comment twice from one email on one article', async () => {
    const email = `dup-${unique()}@example.com`;
    await post(article.id, { email, body: 'Exactly   this.' });
    await expect(post(article.id, { email, body: 'exactly this.' })).rejects.toMatchObject({ code: 'conflict', message: DUPLICATE_MESSAGE });
    // Someone else may say the same; so may the same person on another story.
    expect((await post(article.id, { body: 'Exactly this.' })).status).toBe('PENDING');
    expect((await post((await publish()).id, { email, body: 'Exactly this.' })).status).toBe('PENDING');
  });
});

describe('threads and closing', () => {
  it('allows replies down to the thread depth (default 3) and no deeper', async () => {
    const target = await publish();
    const approve = async (p: Promise<{ id: string }>) => {
      const c = await p;
      await moderateComment(c.id, 'approve', editor);
      return c.id;
    };
    const top = await approve(post(target.id));
    const second = await approve(post(target.id, { parentId: top }));
    const third = await approve(post(target.id, { parentId: second }));
    await expect(post(target.id, { parentId: third })).rejects.toMatchObject({ code: 'unprocessable', message: expect.stringMatching(/cannot nest any deeper/) });
    await setSettings({ threadDepth: 4 });
    expect((await post(target.id, { parentId: third })).status).toBe('PENDING');
  });

  it('closes comments the set number of days after publication', async () => {
    const old = await publish();
    await db.article.update({ where: { id: old.id }, data: { publishedAt: new Date(Date.now() - 10 * 86_400_000) } });
    expect((await post(old.id)).status).toBe('PENDING');
    await setSettings({ closeAfterDays: 7 });
    await expect(post(old.id)).rejects.toMatchObject({ code: 'forbidden', message: 'Comments are closed on this article.' });
  });
});

describe('flood limits', () => {
  it('answers 429 through submitComment once an IP or an email is over its limit, storing nothing', async () => {
    g.broadsheetCommentLimiters = createRateLimiters(parseRateLimits('ip:2/60,email:1/60'), { name: `int-${unique()}`, shared: false });
    const ip = '192.0.2.55';
    const email = `flood-${unique()}@example.com`;
    await post(article.id, { email }, 60_000, ip);
    await expect(post(article.id, { email }, 60_000, '192.0.2.56')).rejects.toMatchObject({ code: 'rate_limited', status: 429 });
    await post(article.id, {}, 60_000, ip);
    const before = await db.comment.count();
    await expect(post(article.id, {}, 60_000, ip)).rejects.toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/^You are commenting too quickly/) });
    expect(await db.comment.count()).toBe(before);
  });

  it('shares the limits across instances through Redis', async (ctx) => {
    const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: true });
    redis.on('error', () => {});
    try {
      await redis.connect();
    } catch {
      redis.disconnect();
      ctx.skip();
      return;
    }
    try {
      const prefix = `broadsheet-int-${unique()}`;
      // Two "instances": separate limiter objects over one Redis.
      const a = createRateLimiters(parseRateLimits('email:2/60'), { name: prefix, redis });
      const b = createRateLimiters(parseRateLimits('email:2/60'), { name: prefix, redis });
      await consumeRateLimits(a, { email: 'shared' });
      await consumeRateLimits(b, { email: 'shared' });
      await expect(consumeRateLimits(a, { email: 'shared' })).rejects.toMatchObject({ code: 'rate_limited' });
      expect(Number(await redis.get(`broadsheet:rl:${prefix}:email:0:shared`))).toBe(3);
    } finally {
      redis.disconnect();
    }
  });
});

describe('saving settings', () => {
  it('lets only admins save, validates, and audits the change', async () => {
    const { saveCommentSettings } = await import('@/lib/settings/comments');
    const { createUser: make } = await import('@/test/fixtures');
    const admin = await make('ADMIN');
    const next = { maxLinks: 5, moderationWords: ['refund'], blockWords: ['casino'], autoApproveKnown: true, threadDepth: 2, closeAfterDays: 30, minSeconds: 3 };
    await expect(saveCommentSettings(next, editor)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await saveCommentSettings(next, admin)).toEqual(next);
    expect(await getCommentSettings()).toEqual(next);
    expect(await db.auditLog.findFirst({ where: { action: 'settings.comments', actorId: admin.id }, select: { entityId: true } })).toEqual({ entityId: 'comments.rules' });
  });
});
