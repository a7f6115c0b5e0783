import dns from 'node:dns';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { StaffUser } from '@/lib/users';
import { createWebhook, sendTestWebhook, updateWebhook } from '@/lib/webhooks';
import { forbiddenAddressReason } from '@/lib/webhooks/destination';
import { sealLegacyWebhookSecrets } from '@/lib/webhooks/secrets';
import { verifyWebhookSignature } from '@/lib/webhooks/signature';
import { deliverDueWebhooks } from '@/lib/webhooks/worker';
import { createUser, unique } from '@/test/fixtures';

// Where webhooks may connect, checked on real sockets: a receiver on 127.0.0.1 that must never
// hear from the server while the guard is on, and does once WEBHOOK_ALLOW_PRIVATE is set. The
// integration runner sets the flag for every other file; this one turns it off.

const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let receiver: http.Server;
let port = 0;
let admin: StaffUser;

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  port = (receiver.address() as AddressInfo).port;
  admin = await createUser('ADMIN');
  // Deliveries other files left queued would go out with these tests' worker runs.
  await db.webhook.updateMany({ data: { active: false } });
});
afterAll(() => new Promise((resolve) => receiver.close(resolve)));
afterEach(() => {
  env.WEBHOOK_ALLOW_PRIVATE = false;
  vi.restoreAllMocks();
});

const guardOn = () => (env.WEBHOOK_ALLOW_PRIVATE = false);
const guardOff = () => (env.WEBHOOK_ALLOW_PRIVATE = true);

/** Creates an endpoint with the guard off (as an intranet site would), then turns it back on. */
async function savedWhilePrivateAllowed(url: string) {
  guardOff();
  const hook = await createWebhook({ url, events: ['article.published'] }, admin);
  guardOn();
  return hook;
}

/** Sends a test event to the endpoint and returns the attempt's error (null when delivered). */
async function attempt(hookId: string) {
  await db.webhook.update({ where: { id: hookId }, data: { active: true } });
  const d = await sendTestWebhook(hookId, admin);
  const results = await deliverDueWebhooks();
  await db.webhook.update({ where: { id: hookId }, data: { active: false } });
  return results.find((r) => r.deliveryId === d.id)!;
}

describe('webhook destinations', () => {
  it('names every kind of address it refuses, and lets public ones through', () => {
    const refused: Record<string, RegExp> = {
      '127.0.0.1': /loopback/,
      '127.8.9.10': /loopback/,
      '0.0.0.0': /this network/,
      '10.1.2.3': /private/,
      '172.20.0.1': /private/,
      '192.168.1.10': /private/,
      '100.64.0.1': /carrier-grade NAT/,
      '169.254.1.1': /link-local/,
      '169.254.169.254': /cloud metadata/,
      '224.0.0.1': /multicast/,
      '::1': /loopback/,
      '::': /unspecified/,
      'fd00::1': /unique-local/,
      'fd00:ec2::254': /cloud metadata/,
      'fe80::1': /link-local/,
      '::ffff:127.0.0.1': /loopback/,
      '::ffff:a9fe:a9fe': /cloud metadata/,
      '64:ff9b::a00:1': /private/,
      '2002:c0a8:101::1': /private/,
      '[::1]': /loopback/,
    };
    for (const [ip, reason] of Object.entries(refused)) expect(forbiddenAddressReason(ip), ip).toMatch(reason);
    for (const ip of ['8.8.8.8', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8', '172.32.0.1', '100.128.0.1']) expect(forbiddenAddressReason(ip), ip).toBeNull();
  });

  it('refuses to save a loopback, private or metadata URL, with a message that says why and what to do', async () => {
    guardOn();
    for (const [url, words] of [
      [`http://127.0.0.1:${port}/hooks`, '127.0.0.1 is a loopback address'],
      ['http://169.254.169.254/latest/meta-data/', 'the cloud metadata address'],
      ['http://[::1]/hooks', '::1 is a loopback address'],
      [`http://localhost:${port}/hooks`, 'localhost resolves to'],
    ] as const) {
      const refusal = await createWebhook({ url, events: ['article.published'] }, admin).catch((e: unknown) => e);
      expect(refusal, url).toMatchObject({ code: 'unprocessable', message: expect.stringContaining(words), details: { url: [expect.stringContaining('WEBHOOK_ALLOW_PRIVATE=1')] } });
    }
    const hook = await savedWhilePrivateAllowed(`https://hooks.example.com/${unique()}`);
    await expect(updateWebhook(hook.id, { url: `http://10.0.0.8/hooks`, events: ['article.published'] }, admin)).rejects.toMatchObject({
      message: expect.stringContaining('10.0.0.8 is a private-network address'),
    });
  });

  it('refuses at connect time: a receiver on 127.0.0.1 hears nothing while the guard is on, and gets the event once private addresses are allowed', async () => {
    const hook = await savedWhilePrivateAllowed(`http://127.0.0.1:${port}/hooks/${unique()}`);
    const before = received.length;
    const refused = await attempt(hook.id);
    expect(refused.ok).toBe(false);
    expect(refused.error).toBe('Refused: 127.0.0.1 is a loopback address. Webhooks go only to public internet addresses (set WEBHOOK_ALLOW_PRIVATE=1 to allow private networks).');
    expect(received.length).toBe(before);
    const log = await db.webhookAttempt.findFirst({ where: { deliveryId: refused.deliveryId }, select: { error: true } });
    expect(log?.error).toContain('loopback');

    guardOff();
    expect((await attempt(hook.id)).ok).toBe(true);
    expect(received.length).toBe(before + 1);
  });

  it('checks the address the name resolves to when connecting, so a name that turns private after saving (DNS rebinding) is refused', async () => {
    const name = `rebinding-${unique()}.example`;
    // When the webhook is saved the name resolves to a public address …
    vi.spyOn(dns.promises, 'lookup').mockResolvedValue([{ address: '93.184.216.34', family: 4 }] as never);
    const hook = await createWebhook({ url: `http://${name}:${port}/hooks`, events: ['article.published'] }, admin);
    // … and when the server connects, to the receiver on the loopback.
    const lookup = vi
      .spyOn(dns, 'lookup')
      .mockImplementation(((_host: string, _opts: unknown, cb: (e: null, a: dns.LookupAddress[]) => void) => cb(null, [{ address: '127.0.0.1', family: 4 }])) as never);
    const before = received.length;
    const result = await attempt(hook.id);
    expect(lookup).toHaveBeenCalledWith(name, expect.anything(), expect.any(Function));
    expect(result.error).toBe(`Refused: ${name} resolves to 127.0.0.1, a loopback address. Webhooks go only to public internet addresses (set WEBHOOK_ALLOW_PRIVATE=1 to allow private networks).`);
    expect(received.length).toBe(before);
  });
});

describe('webhook secrets at rest', () => {
  it('stores the signing secret sealed and signs with it', async () => {
    guardOff();
    const hook = await createWebhook({ url: `http://127.0.0.1:${port}/hooks/${unique()}`, events: ['article.published'] }, admin);
    const row = await db.webhook.findUniqueOrThrow({ where: { id: hook.id }, select: { secret: true } });
    expect(row.secret).toMatch(/^sealed:v1:[A-Za-z0-9_-]+$/);
    expect(row.secret).not.toContain(hook.secret.slice(6, 20));
    const result = await attempt(hook.id);
    expect(result.ok).toBe(true);
    const got = received.at(-1)!;
    expect(verifyWebhookSignature(hook.secret, { signature: got.headers['x-broadsheet-signature'] as string, timestamp: got.headers['x-broadsheet-timestamp'] as string }, got.body)).toBe(true);
  });

  it('keeps plaintext rows from before sealing working, and seals them', async () => {
    guardOff();
    const legacy = `whsec_${'L'.repeat(43)}`;
    const hook = await createWebhook({ url: `http://127.0.0.1:${port}/hooks/${unique()}`, events: ['article.published'] }, admin);
    await db.webhook.update({ where: { id: hook.id }, data: { secret: legacy } });
    expect((await attempt(hook.id)).ok).toBe(true);
    const got = received.at(-1)!;
    expect(verifyWebhookSignature(legacy, { signature: got.headers['x-broadsheet-signature'] as string, timestamp: got.headers['x-broadsheet-timestamp'] as string }, got.body)).toBe(true);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: hook.id }, select: { secret: true } })).secret).toMatch(/^sealed:v1:/);

    // Rows never used since are sealed at start-up; sealing twice changes nothing.
    const other = await createWebhook({ url: `http://127.0.0.1:${port}/hooks/${unique()}`, events: ['article.published'] }, admin);
    await db.webhook.update({ where: { id: other.id }, data: { secret: legacy } });
    expect(await sealLegacyWebhookSecrets()).toBeGreaterThanOrEqual(1);
    expect(await sealLegacyWebhookSecrets()).toBe(0);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: other.id }, select: { secret: true } })).secret).toMatch(/^sealed:v1:/);
    expect((await attempt(other.id)).ok).toBe(true);
  });

  it('says so in the delivery log when a sealed secret cannot be opened (the app secret changed)', async () => {
    guardOff();
    const hook = await createWebhook({ url: `http://127.0.0.1:${port}/hooks/${unique()}`, events: ['article.published'] }, admin);
    const { secret } = await db.webhook.findUniqueOrThrow({ where: { id: hook.id }, select: { secret: true } });
    await db.webhook.update({ where: { id: hook.id }, data: { secret: `${secret.slice(0, -4)}AAAA` } });
    const before = received.length;
    const result = await attempt(hook.id);
    expect(result.error).toMatch(/cannot be decrypted: NEXTAUTH_SECRET changed/);
    expect(received.length).toBe(before);
  });
});

describe('webhooks in the audit log', () => {
  it('records URLs without their query string or credentials', async () => {
    guardOff();
    const url = `https://ops:hunter2@hooks.example.com/broadsheet/${unique()}?token=s3cr3t#x`;
    const hook = await createWebhook({ url, events: ['article.published'] }, admin);
    await updateWebhook(hook.id, { url: `${url}&v=2`, events: ['article.published'] }, admin);
    const entries = await db.auditLog.findMany({ where: { entityId: hook.id }, select: { summary: true, data: true } });
    expect(entries).toHaveLength(2);
    const text = JSON.stringify(entries);
    for (const secret of ['s3cr3t', 'hunter2', 'ops:']) expect(text).not.toContain(secret);
    expect(entries[0]!.summary).toMatch(/^https:\/\/hooks\.example\.com\/broadsheet\/\w+ \(query hidden\)$/);
  });
});
