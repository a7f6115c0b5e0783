import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveArticle } from '@/lib/articles/mutations';
import { publishDueArticles } from '@/lib/articles/scheduler';
import { moderateComment } from '@/lib/comments';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';
import { articleFormSchema } from '@/lib/validation/articles';
import { WEBHOOK_EVENTS } from '@/lib/validation/webhooks';
import { createWebhook, deleteWebhook, getWebhookWithDeliveries, resendWebhookDelivery, sendTestWebhook, setWebhookActive, updateWebhook } from '@/lib/webhooks';
import { verifyWebhookSignature } from '@/lib/webhooks/signature';
import { deliverDueWebhooks, MAX_ATTEMPTS, retryDelayMs } from '@/lib/webhooks/worker';
import { createArticle, createUser, unique } from '@/test/fixtures';

// A real HTTP receiver on an ephemeral port; the worker posts to it over the loopback.

type Received = { headers: http.IncomingHttpHeaders; body: string };
const received: Received[] = [];
/** Status codes the receiver answers with, in order; 200 once they run out. */
let answers: number[] = [];
let receiver: http.Server;
let receiverUrl: string;

let admin: StaffUser;
let editor: StaffUser;
const hookIds: string[] = [];

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answers.shift() ?? 200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  [admin, editor] = await Promise.all([createUser('ADMIN'), createUser('EDITOR')]);
  // Anything other files left queued would be delivered by these tests' worker runs too.
  await db.webhook.updateMany({ data: { active: false } });
});

afterAll(async () => {
  for (const id of hookIds) await db.webhook.deleteMany({ where: { id } });
  await new Promise((resolve) => receiver.close(resolve));
});

const form = (title = `Story ${unique()}`) => articleFormSchema.parse({ title, body: 'A paragraph.' });
const later = (ms: number) => new Date(Date.now() + ms);
async function newHook(events = [...WEBHOOK_EVENTS], url = receiverUrl) {
  const hook = await createWebhook({ url, events }, admin);
  hookIds.push(hook.id);
  return hook;
}
const deliveriesOf = (webhookId: string) =>
  db.webhookDelivery.findMany({ where: { webhookId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: { attempts: { orderBy: { attempt: 'asc' } } } });

describe('registering endpoints', () => {
  it('lets only admins register, edit, disable and delete, and audits each change', async () => {
    await expect(createWebhook({ url: receiverUrl, events: ['article.published'] }, editor)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createWebhook({ url: 'ftp://example.com/x', events: ['article.published'] }, admin)).rejects.toMatchObject({ name: 'ZodError' });
    await expect(createWebhook({ url: receiverUrl, events: [] }, admin)).rejects.toMatchObject({ name: 'ZodError' });

    const hook = await newHook(['article.published']);
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    await updateWebhook(hook.id, { url: `${receiverUrl}?v=2`, events: ['comment.approved', 'article.published'] }, admin);
    await expect(updateWebhook(hook.id, { url: receiverUrl, events: ['article.published'] }, editor)).rejects.toMatchObject({ code: 'forbidden' });
    const edited = await getWebhookWithDeliveries(hook.id, admin);
    expect(edited).toMatchObject({ url: `${receiverUrl}?v=2`, events: ['article.published', 'comment.approved'], active: true });
    expect(JSON.stringify(edited)).not.toContain(hook.secret);
    await setWebhookActive(hook.id, false, admin);
    await deleteWebhook(hook.id, admin);
    expect(await getWebhookWithDeliveries(hook.id, admin)).toBeNull();
    const audit = await db.auditLog.findMany({ where: { entityId: hook.id }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true } });
    expect(audit.map((a) => a.action)).toEqual(['webhook.created', 'webhook.updated', 'webhook.disabled', 'webhook.deleted']);
    expect(audit.every((a) => a.actorId === admin.id)).toBe(true);
  });
});

describe('delivering events', () => {
  it('signs each delivery, retries after a 500 and logs both attempts', async () => {
    const hook = await newHook(['article.published']);
    const saved = await saveArticle({ intent: 'publish', data: form() }, editor);
    const [queued] = await deliveriesOf(hook.id);
    expect(queued).toMatchObject({ event: 'article.published', status: 'PENDING', attempt: 0 });

    received.length = 0;
    answers = [500];
    const first = await deliverDueWebhooks();
    expect(first.filter((r) => r.deliveryId === queued!.id)).toMatchObject([{ attempt: 1, ok: false, status: 500 }]);
    expect(received).toHaveLength(1);
    const { headers, body } = received[0]!;
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-broadsheet-event']).toBe('article.published');
    expect(headers['x-broadsheet-delivery']).toBe(queued!.id);
    expect(headers['x-broadsheet-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(hook.secret, { signature: headers['x-broadsheet-signature'] as string, timestamp: headers['x-broadsheet-timestamp'] as string }, body)).toBe(true);
    expect(verifyWebhookSignature('whsec_wrong', { signature: headers['x-broadsheet-signature'] as string, timestamp: headers['x-broadsheet-timestamp'] as string }, body)).toBe(false);
    const payload = JSON.parse(body);
    expect(payload).toMatchObject({
      event: 'article.published',
      id: expect.stringMatching(/^evt_/),
      data: { article: { id: saved.id, slug: saved.slug, status: 'PUBLISHED', url: `/articles/${saved.slug}` } },
    });

    // Not due yet: the retry waits for the backoff.
    const waiting = (await deliveriesOf(hook.id))[0]!;
    expect(waiting).toMatchObject({ status: 'PENDING', attempt: 1, responseStatus: 500 });
    expect(waiting.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + retryDelayMs(1) - 5000);
    await deliverDueWebhooks();
    expect(received).toHaveLength(1);

    // A new worker (say, after a restart) picks it up once due, from the database alone.
    await deliverDueWebhooks(later(retryDelayMs(1) + 1000));
    expect(received).toHaveLength(2);
    expect(JSON.parse(received[1]!.body).id).toBe(payload.id);
    const done = (await deliveriesOf(hook.id))[0]!;
    expect(done).toMatchObject({ status: 'SUCCEEDED', attempt: 2, responseStatus: 200, nextAttemptAt: null, error: null });
    expect(done.attempts.map((a) => [a.attempt, a.responseStatus])).toEqual([
      [1, 500],
      [2, 200],
    ]);
    expect(done.attempts.every((a) => Number.isInteger(a.responseTimeMs) && a.responseTimeMs >= 0)).toBe(true);
    expect(done.attempts[0]!.error).toContain('HTTP 500');
  });

  it('backs off exponentially and gives up after the last attempt', async () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, 30_000))).toEqual([30_000, 120_000, 480_000]);
    const hook = await newHook(['article.published']);
    await sendTestWebhook(hook.id, admin);
    answers = Array(MAX_ATTEMPTS).fill(503);
    for (let i = 0; i < MAX_ATTEMPTS; i++) await deliverDueWebhooks(later(13 * 3_600_000 * i));
    answers = [];
    const [d] = await deliveriesOf(hook.id);
    expect(d).toMatchObject({ status: 'FAILED', attempt: MAX_ATTEMPTS, nextAttemptAt: null, responseStatus: 503 });
    expect(d!.attempts).toHaveLength(MAX_ATTEMPTS);
  });

  it('sends each attempt once when two workers poll at the same moment', async () => {
    const hook = await newHook(['article.published']);
    for (let i = 0; i < 5; i++) await sendTestWebhook(hook.id, admin);
    received.length = 0;
    await Promise.all([deliverDueWebhooks(), deliverDueWebhooks(), deliverDueWebhooks()]);
    expect(received).toHaveLength(5);
    expect(new Set(received.map((r) => r.headers['x-broadsheet-delivery'])).size).toBe(5);
    expect((await deliveriesOf(hook.id)).map((d) => d.status)).toEqual(Array(5).fill('SUCCEEDED'));
  });

  it('reports a receiver that cannot be reached, and skips disabled endpoints', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const hook = await newHook(['article.published'], `http://127.0.0.1:${port}/gone`);
    await sendTestWebhook(hook.id, admin);
    await deliverDueWebhooks();
    expect((await deliveriesOf(hook.id))[0]).toMatchObject({ status: 'PENDING', attempt: 1, responseStatus: null, error: expect.stringContaining('Could not connect') });

    await setWebhookActive(hook.id, false, admin);
    await deliverDueWebhooks(later(retryDelayMs(1) + 1000));
    expect((await deliveriesOf(hook.id))[0]!.attempt).toBe(1);
    await saveArticle({ intent: 'publish', data: form() }, editor);
    expect(await deliveriesOf(hook.id)).toHaveLength(1);
  });
});

describe('events from the newsroom', () => {
  it('emits published, updated and unpublished for the article life cycle, nothing for drafts', async () => {
    const hook = await newHook(['article.published', 'article.updated', 'article.unpublished']);
    const draft = await saveArticle({ intent: 'save', data: form() }, editor);
    const published = await saveArticle({ id: draft.id, version: draft.version, intent: 'publish', data: form() }, editor);
    const edited = await saveArticle({ id: draft.id, version: published.version, intent: 'save', data: form() }, editor);
    await saveArticle({ id: draft.id, version: edited.version, intent: 'unpublish', data: form() }, editor);
    expect((await deliveriesOf(hook.id)).map((d) => d.event)).toEqual(['article.published', 'article.updated', 'article.unpublished']);

    // The scheduler publishing an article is a publication too.
    const scheduled = await createArticle({ status: 'SCHEDULED', publishedAt: null });
    await db.article.update({ where: { id: scheduled.id }, data: { scheduledAt: new Date(Date.now() - 1000) } });
    await publishDueArticles();
    const last = (await deliveriesOf(hook.id)).at(-1)!;
    expect(last).toMatchObject({ event: 'article.published', payload: { data: { article: { id: scheduled.id, status: 'PUBLISHED' } } } });
  });

  it('emits comment.approved without the commenter’s email or IP', async () => {
    const hook = await newHook(['comment.approved']);
    const article = await createArticle({});
    const comment = await db.comment.create({
      data: { articleId: article.id, authorName: 'Ida Reader', authorEmail: 'ida-private@example.com', ipHash: 'secret-ip-hash', body: 'Good piece.', status: 'PENDING' },
    });
    await moderateComment(comment.id, 'approve', editor);
    await moderateComment(comment.id, 'approve', editor); // already approved: no second event
    const deliveries = await deliveriesOf(hook.id);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.payload).toMatchObject({ event: 'comment.approved', data: { comment: { id: comment.id, authorName: 'Ida Reader', body: 'Good piece.' }, article: { id: article.id } } });
    expect(JSON.stringify(deliveries[0]!.payload)).not.toMatch(/ida-private|secret-ip-hash/);
  });

  it('resends a delivery as a new one with the same event body; admins only', async () => {
    const hook = await newHook(['article.published']);
    const { id } = await sendTestWebhook(hook.id, admin);
    await deliverDueWebhooks();
    await expect(resendWebhookDelivery(id, editor)).rejects.toMatchObject({ code: 'forbidden' });
    received.length = 0;
    const copy = await resendWebhookDelivery(id, admin);
    await deliverDueWebhooks();
    expect(received.map((r) => r.headers['x-broadsheet-delivery'])).toEqual([copy.id]);
    const [original, resent] = await deliveriesOf(hook.id);
    expect(resent!.payload).toEqual(original!.payload);
    expect(resent).toMatchObject({ status: 'SUCCEEDED', attempt: 1 });
    expect(await db.auditLog.count({ where: { entityId: hook.id, action: { in: ['webhook.tested', 'webhook.resent'] } } })).toBe(2);
  });
});
