import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/api-keys';
import { listApiSections } from '@/lib/api/content';
import { apiPreflight, getCorsOrigins, saveCorsOrigins } from '@/lib/api/cors';
import { withApiKey } from '@/lib/api/handler';
import { createRateLimiter, type RateLimiter } from '@/lib/rate-limit';
import { errorResponseSchema, sectionListResponseSchema } from '@/lib/api/schemas';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';
import { noQuerySchema } from '@/lib/validation/api';
import { createUser, unique } from '@/test/fixtures';
import { writeSettingsRow } from '@/test/settings';

// Rate limits and CORS through a real route handler (the one /api/v1/sections uses), with the
// limiter injected so each test has its own small limit.

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
let admin: StaffUser;
let editor: StaffUser;
const redisClients: Redis[] = [];

beforeAll(async () => {
  [admin, editor] = await Promise.all([createUser('ADMIN'), createUser('EDITOR')]);
});
afterAll(async () => {
  await writeSettingsRow('cors', null);
  for (const r of redisClients) r.disconnect();
});

const sectionsWith = (limiter: RateLimiter | null) => withApiKey({ query: noQuerySchema, response: sectionListResponseSchema }, () => listApiSections(), { rateLimiter: () => limiter });
const get = (route: ReturnType<typeof sectionsWith>, headers: Record<string, string>) => route(new Request('http://localhost/api/v1/sections', { headers }), { params: Promise.resolve({}) });
const bearer = async () => ({ Authorization: `Bearer ${(await createApiKey(`Limit ${unique()}`, admin)).key}` });

async function redis(): Promise<Redis> {
  const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  redisClients.push(client);
  await client.ping();
  return client;
}

describe('per-key rate limits', () => {
  it('answers 429 with Retry-After in the error format once a key used its requests; other keys go on', async () => {
    const route = sectionsWith(createRateLimiter(`t:${unique()}`, { points: 3, seconds: 60 }, { shared: false }));
    const [a, b] = [await bearer(), await bearer()];
    const first = await get(route, a);
    expect(first.status).toBe(200);
    expect([first.headers.get('ratelimit-limit'), first.headers.get('ratelimit-remaining')]).toEqual(['3', '2']);
    await get(route, a);
    await get(route, a);
    const limited = await get(route, a);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    const body = await limited.json();
    expect(errorResponseSchema.safeParse(body).success).toBe(true);
    expect(body.error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('Retry-After') });
    expect((await get(route, b)).status).toBe(200);
    // Requests without a valid key are refused before they count against anyone.
    expect((await get(route, { Authorization: 'Bearer bs_live_nope' })).status).toBe(401);
  });

  it('shares one count between two instances through Redis', async () => {
    const prefix = `broadsheet:test:${unique()}`;
    const limit = { points: 5, seconds: 60 };
    const instanceA = sectionsWith(createRateLimiter(prefix, limit, { redis: await redis() }));
    const instanceB = sectionsWith(createRateLimiter(prefix, limit, { redis: await redis() }));
    const key = await bearer();
    const statuses = [];
    for (const route of [instanceA, instanceB, instanceA, instanceB, instanceA, instanceB, instanceA]) statuses.push((await get(route, key)).status);
    // Each instance alone would have allowed all of its own four (A) or three (B) requests.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const keys = await (await redis()).keys(`broadsheet:rl:${prefix}*`);
    expect(keys).toHaveLength(1);
  });

  it('can be turned off', async () => {
    const route = sectionsWith(null);
    const key = await bearer();
    for (let i = 0; i < 5; i++) expect((await get(route, key)).status).toBe(200);
    expect((await get(route, key)).headers.get('ratelimit-limit')).toBeNull();
  });
});

describe('CORS allow-list', () => {
  const allowed = `https://app-${unique()}.example.com`;

  it('is edited by admins only and audited', async () => {
    await expect(saveCorsOrigins([allowed], editor)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await saveCorsOrigins([allowed, 'http://localhost:5173'], admin)).toEqual([allowed, 'http://localhost:5173']);
    expect(await getCorsOrigins()).toEqual([allowed, 'http://localhost:5173']);
    const audit = await db.auditLog.findFirst({ where: { action: 'settings.api_cors' }, orderBy: { createdAt: 'desc' }, select: { actorId: true, data: true } });
    expect(audit).toMatchObject({ actorId: admin.id, data: { after: [allowed, 'http://localhost:5173'] } });
  });

  it('echoes only listed origins, on answers and errors, always with Vary: Origin', async () => {
    await saveCorsOrigins([allowed], admin);
    const route = sectionsWith(null);
    const key = await bearer();
    const ok = await get(route, { ...key, Origin: allowed });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(ok.headers.get('access-control-expose-headers')).toContain('ETag');
    expect(ok.headers.get('vary')).toBe('Authorization, Origin');

    const other = await get(route, { ...key, Origin: 'https://evil.example.com' });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('vary')).toContain('Origin');

    // A browser client on a listed origin can read why it was refused.
    const refused = await get(route, { Origin: allowed });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(allowed);
  });

  it('answers preflights for listed origins only', async () => {
    await saveCorsOrigins([allowed], admin);
    const preflight = (origin: string) =>
      apiPreflight(
        new Request('http://localhost/api/v1/articles', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } }),
      );
    const yes = await preflight(allowed);
    expect(yes.status).toBe(204);
    expect(yes.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(yes.headers.get('access-control-allow-methods')).toBe('GET, OPTIONS');
    expect(yes.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const no = await preflight('https://evil.example.com');
    expect(no.headers.get('access-control-allow-origin')).toBeNull();
    expect(no.headers.get('access-control-allow-methods')).toBeNull();
  });
});
