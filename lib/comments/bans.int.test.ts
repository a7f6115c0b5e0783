import { beforeAll, describe, expect, it } from 'vitest';
import { saveArticle } from '@/lib/articles/mutations';
import { BANNED_MESSAGE, issueCommentFormToken, submitComment } from '@/lib/comments';
import { banCommentAuthor, banValue, isBanned, liftBan, listBans } from '@/lib/comments/bans';
import crypto from 'node:crypto';
import { exportCommenterData } from '@/lib/comments/privacy';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { hashIdentifier } from '@/lib/hash';
import type { StaffUser } from '@/lib/users';
import { articleFormSchema } from '@/lib/validation/articles';
import { createUser, unique } from '@/test/fixtures';

let admin: StaffUser;
let editor: StaffUser;
let article: { id: string };

const post = (email: string, ip: string, body = `Words ${unique()}`) =>
  submitComment({ articleId: article.id, body, name: 'Banned Maybe', email, formToken: issueCommentFormToken(article.id, Date.now() - 60_000) }, { ip, userAgent: 'Vitest' });

beforeAll(async () => {
  [admin, editor] = await Promise.all([createUser('ADMIN'), createUser('EDITOR')]);
  article = await saveArticle({ intent: 'publish', data: articleFormSchema.parse({ title: `Ban target ${unique()}`, body: 'Body.' }) }, editor);
});

describe('bans', () => {
  it('bans the email behind a comment: later comments are refused neutrally and nothing is stored', async () => {
    const email = `troll-${unique()}@example.com`;
    const c = await post(email, '203.0.113.10');
    expect(await banCommentAuthor(c.id, { email: true, ip: false, days: null, reason: 'Abuse' }, admin)).toEqual({ banned: ['email'] });
    const before = await db.comment.count({ where: { authorEmail: email } });
    await expect(post(email, '203.0.113.11')).rejects.toMatchObject({ code: 'forbidden', message: BANNED_MESSAGE });
    expect(await db.comment.count({ where: { authorEmail: email } })).toBe(before);
    // Another address from the same IP is fine: only the email was banned.
    expect((await post(`other-${unique()}@example.com`, '203.0.113.10')).status).toBe('PENDING');
  });

  it('stores only hashes and records who banned and why', async () => {
    const email = `hashed-${unique()}@example.com`;
    const c = await post(email, '203.0.113.20');
    await banCommentAuthor(c.id, { email: true, ip: true, days: 7, reason: 'Spam run' }, admin);
    const bans = await db.ban.findMany({ where: { reason: 'Spam run' }, select: { kind: true, valueHash: true, expiresAt: true, createdById: true } });
    expect(bans.map((b) => b.kind).sort()).toEqual(['EMAIL', 'IP']);
    expect(JSON.stringify(bans)).not.toContain(email);
    expect(JSON.stringify(bans)).not.toContain('203.0.113.20');
    expect(bans.find((b) => b.kind === 'EMAIL')!.valueHash).toBe(hashIdentifier(email));
    expect(bans.every((b) => b.createdById === admin.id && b.expiresAt!.getTime() > Date.now() + 6 * 86_400_000)).toBe(true);
    expect(await db.auditLog.count({ where: { action: 'ban.create', actorId: admin.id } })).toBeGreaterThanOrEqual(2);
    // The IP ban catches a new email from that address.
    await expect(post(`new-${unique()}@example.com`, '203.0.113.20')).rejects.toMatchObject({ message: BANNED_MESSAGE });
  });

  it('lets a timed ban expire and a lifted ban go', async () => {
    const email = `timed-${unique()}@example.com`;
    const id = await banValue('EMAIL', email, { days: 1, reason: 'Cool off' }, admin);
    expect(await isBanned({ emailHash: hashIdentifier(email), ipHash: null })).toBe(true);
    expect(await isBanned({ emailHash: hashIdentifier(email), ipHash: null }, new Date(Date.now() + 2 * 86_400_000))).toBe(false);
    expect((await listBans(admin)).find((b) => b.id === id)).toMatchObject({ kind: 'EMAIL', reason: 'Cool off', active: true });
    await liftBan(id, admin);
    expect(await isBanned({ emailHash: hashIdentifier(email), ipHash: null })).toBe(false);
    expect((await post(email, '203.0.113.30')).status).toBe('PENDING');
    expect(await db.auditLog.findFirst({ where: { action: 'ban.lift', entityId: id }, select: { actorId: true } })).toEqual({ actorId: admin.id });
  });

  it('lets only admins ban, list and lift', async () => {
    const c = await post(`ed-${unique()}@example.com`, '203.0.113.40');
    await expect(banCommentAuthor(c.id, { email: true, ip: false, days: null, reason: '' }, editor)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(banValue('IP', '203.0.113.40', { days: null, reason: '' }, editor)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listBans(editor)).rejects.toMatchObject({ code: 'forbidden' });
    const id = await banValue('IP', '203.0.113.41', { days: null, reason: '' }, admin);
    await expect(liftBan(id, editor)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('keeps matching bans and comments stored before identifiers had their own key', async () => {
    // As hashed then: HMAC-SHA256 keyed with the app secret itself.
    const legacy = (value: string) => crypto.createHmac('sha256', env.NEXTAUTH_SECRET).update(value.trim().toLowerCase()).digest('base64url');
    const email = `old-ban-${unique()}@example.com`;
    const ip = '198.51.100.77';
    expect(hashIdentifier(email)).not.toBe(legacy(email));
    await db.ban.createMany({
      data: [
        { kind: 'EMAIL', valueHash: legacy(email), reason: 'Old email ban' },
        { kind: 'IP', valueHash: legacy(ip), reason: 'Old IP ban' },
      ],
    });
    const before = await db.comment.count();
    await expect(post(email, '198.51.100.1')).rejects.toMatchObject({ message: BANNED_MESSAGE });
    await expect(post(`fresh-${unique()}@example.com`, ip)).rejects.toMatchObject({ message: BANNED_MESSAGE });
    expect(await db.comment.count()).toBe(before);
    expect((await exportCommenterData(email, admin)).ban).toMatchObject({ reason: 'Old email ban' });

    // A comment from then carries the old IP hash; banning its author bans that address still.
    const oldIp = '198.51.100.88';
    const old = await post(`then-${unique()}@example.com`, '198.51.100.2');
    await db.comment.update({ where: { id: old.id }, data: { ipHash: legacy(oldIp) } });
    await banCommentAuthor(old.id, { email: false, ip: true, days: null, reason: 'Old comment' }, admin);
    await expect(post(`later-${unique()}@example.com`, oldIp)).rejects.toMatchObject({ message: BANNED_MESSAGE });
  });
});
