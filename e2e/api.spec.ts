import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoAxeViolations, SEEDED_ARTICLE, storageStateFor, unique } from './helpers';

// The content API over real HTTP, with a key made the way an admin makes one: in the dashboard.

type Schema = Record<string, unknown>;
type OpenApi = { paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: Schema }> }> } }>; components: { schemas: Record<string, Schema> } };

/**
 * A small structural check of a value against a schema of the OpenAPI document: $ref,
 * anyOf, type, const, enum, pattern, required, additionalProperties: false and items. Enough
 * to catch a missing field, a wrong type or an extra field (a leaked email) without a validator dependency.
 */
function violations(doc: OpenApi, schema: Schema, value: unknown, at = '$'): string[] {
  if (typeof schema.$ref === 'string') return violations(doc, doc.components.schemas[schema.$ref.split('/').pop()!]!, value, at);
  if (Array.isArray(schema.anyOf)) {
    const each = (schema.anyOf as Schema[]).map((s) => violations(doc, s, value, at));
    return each.some((v) => v.length === 0) ? [] : [`${at}: matches no alternative (${each.map((v) => v[0]).join('; ')})`];
  }
  const types = schema.type === undefined ? [] : ([] as string[]).concat(schema.type as string | string[]);
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (types.length && !types.some((t) => t === actual || (t === 'number' && actual === 'integer'))) return [`${at}: expected ${types.join('|')}, got ${actual}`];
  if ('const' in schema && value !== schema.const) return [`${at}: expected ${JSON.stringify(schema.const)}`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return [`${at}: not one of ${schema.enum.join(', ')}`];
  if (typeof schema.pattern === 'string' && typeof value === 'string' && !new RegExp(schema.pattern).test(value)) return [`${at}: does not match its pattern`];
  const out: string[] = [];
  if (actual === 'object' && schema.properties) {
    const props = schema.properties as Record<string, Schema>;
    const obj = value as Record<string, unknown>;
    for (const r of (schema.required as string[] | undefined) ?? []) if (!(r in obj)) out.push(`${at}.${r}: missing`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) out.push(...violations(doc, props[k], v, `${at}.${k}`));
      else if (schema.additionalProperties === false) out.push(`${at}.${k}: not in the schema`);
    }
  }
  if (actual === 'array' && schema.items) (value as unknown[]).forEach((v, i) => out.push(...violations(doc, schema.items as Schema, v, `${at}[${i}]`)));
  return out;
}

async function openApi(request: APIRequestContext): Promise<OpenApi> {
  const res = await request.get('/api/v1/openapi.json');
  expect(res.status()).toBe(200);
  return res.json();
}

const responseSchema = (doc: OpenApi, path: string, status: string) => doc.paths[path]!.get.responses[status]!.content!['application/json']!.schema;

test.describe('content API keys', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('an admin creates a key, the API accepts it until it is revoked', async ({ page, request }) => {
    const label = `E2E partner ${unique()}`;
    await page.goto('/admin');
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'API keys' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();
    await page.getByLabel('Label').fill(label);
    await page.getByRole('button', { name: 'Create key' }).click();
    await expect(page.getByText('copy it now, it will not be shown again')).toBeVisible();
    const key = await page.getByLabel('New key').inputValue();
    expect(key).toMatch(/^bs_live_[A-Za-z0-9_-]{32}$/);
    const row = page.getByRole('row').filter({ hasText: label });
    await expect(row).toContainText(key.slice(0, 12));
    await expect(row).toContainText('Active');
    // The page never shows the key again.
    await page.reload();
    await expect(page.getByText(key)).toHaveCount(0);
    await expect(page.getByLabel('New key')).toHaveCount(0);

    const auth = { Authorization: `Bearer ${key}` };
    const doc = await openApi(request);

    const list = await request.get('/api/v1/articles?limit=100', { headers: auth });
    expect(list.status()).toBe(200);
    expect(list.headers()['content-type']).toContain('application/json');
    expect(list.headers()['cache-control']).toBe('private, max-age=0, stale-while-revalidate=300');
    const body = await list.json();
    expect(body.data.map((a: { slug: string }) => a.slug)).toContain(SEEDED_ARTICLE.slug);
    expect(violations(doc, responseSchema(doc, '/articles', '200'), body)).toEqual([]);

    const etag = list.headers()['etag']!;
    expect(etag).toMatch(/^W\/".+"$/);
    const unchanged = await request.get('/api/v1/articles?limit=100', { headers: { ...auth, 'If-None-Match': etag } });
    expect(unchanged.status()).toBe(304);
    expect(unchanged.headers()['etag']).toBe(etag);

    const single = await request.get(`/api/v1/articles/${SEEDED_ARTICLE.slug}`, { headers: auth });
    expect(single.status()).toBe(200);
    const article = await single.json();
    expect(article.data).toMatchObject({ slug: SEEDED_ARTICLE.slug, title: SEEDED_ARTICLE.title, body: { json: { type: 'doc' } } });
    expect(violations(doc, responseSchema(doc, '/articles/{idOrSlug}', '200'), article)).toEqual([]);

    // fields=, include= and sort= give other shapes of the same documented schema.
    for (const [url, documented] of [
      ['/api/v1/articles?include=authors,section,tags&sort=title&limit=5', '/articles'],
      ['/api/v1/articles?fields=slug,title&include=tags', '/articles'],
      [`/api/v1/articles/${SEEDED_ARTICLE.slug}?include=authors,section,tags`, '/articles/{idOrSlug}'],
      [`/api/v1/articles/${SEEDED_ARTICLE.slug}?fields=title,body`, '/articles/{idOrSlug}'],
    ] as const) {
      const res = await request.get(url, { headers: auth });
      expect(res.status(), url).toBe(200);
      expect(violations(doc, responseSchema(doc, documented, '200'), await res.json()), url).toEqual([]);
    }
    const slim = await (await request.get('/api/v1/articles?fields=slug&limit=1', { headers: auth })).json();
    expect(Object.keys(slim.data[0]).sort()).toEqual(['id', 'slug']);
    const unknownField = await request.get('/api/v1/articles?fields=slug,email', { headers: auth });
    expect(unknownField.status()).toBe(400);
    expect((await unknownField.json()).error.details).toEqual({ fields: [expect.stringContaining('"email"')] });

    // Every list pages with meta.next.
    const firstSection = await (await request.get('/api/v1/sections?limit=1', { headers: auth })).json();
    expect(firstSection.meta).toMatchObject({ limit: 1, next: expect.any(String) });
    const secondSection = await request.get(`/api/v1/sections?limit=1&cursor=${firstSection.meta.next}`, { headers: auth });
    expect(violations(doc, responseSchema(doc, '/sections', '200'), await secondSection.json())).toEqual([]);

    // ?key= works too, for clients that cannot send headers.
    const authors = await request.get(`/api/v1/authors?key=${key}`);
    expect(authors.status()).toBe(200);
    expect(violations(doc, responseSchema(doc, '/authors', '200'), await authors.json())).toEqual([]);
    for (const [url, documented] of [
      ['/api/v1/sections', '/sections'],
      ['/api/v1/tags', '/tags'],
      [`/api/v1/articles/${SEEDED_ARTICLE.slug}/comments`, '/articles/{idOrSlug}/comments'],
    ] as const) {
      const res = await request.get(url, { headers: auth });
      expect(res.status(), url).toBe(200);
      expect(violations(doc, responseSchema(doc, documented, '200'), await res.json()), url).toEqual([]);
    }

    const tooSmall = await request.get('/api/v1/articles?limit=0', { headers: auth });
    expect(tooSmall.status()).toBe(400);
    const error = await tooSmall.json();
    expect(error.error).toMatchObject({ code: 'bad_request', details: { limit: [expect.any(String)] } });
    expect(violations(doc, responseSchema(doc, '/articles', '400'), error)).toEqual([]);

    await page.getByRole('row').filter({ hasText: label }).getByRole('button', { name: 'Revoke' }).click();
    await expect(page.getByRole('row').filter({ hasText: label })).toContainText('Revoked');
    await expect(page.getByRole('row').filter({ hasText: label }).getByRole('button', { name: 'Revoke' })).toHaveCount(0);

    const revoked = await request.get('/api/v1/articles', { headers: auth });
    expect(revoked.status()).toBe(401);
    expect((await revoked.json()).error.code).toBe('unauthorized');
  });

  test('the API keys page is axe-clean, also with a new key on it', async ({ page }) => {
    test.slow(); // two axe runs over a page with several forms
    await page.goto('/admin/api-keys');
    await expectNoAxeViolations(page);
    await page.getByLabel('Label').fill(`Axe ${unique()}`);
    await page.getByRole('button', { name: 'Create key' }).click();
    await expect(page.getByLabel('New key')).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('API settings and reference', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('an admin allows a browser origin; the API then answers its preflight and echoes it', async ({ page, request }) => {
    test.slow();
    const origin = `https://app-${unique()}.example.com`;
    await page.goto('/admin/api-keys');
    await page.getByLabel('Label').fill(`CORS ${unique()}`);
    await page.getByRole('button', { name: 'Create key' }).click();
    const key = await page.getByLabel('New key').inputValue();

    const field = page.getByLabel('Allowed origins (CORS)');
    await field.fill(`${origin}/path`);
    await page.getByRole('button', { name: 'Save allowed origins' }).click();
    await expect(page.getByText('Each line must be an origin such as https://app.example.com')).toBeVisible();
    await field.fill(`${origin}\nhttp://localhost:5173`);
    await page.getByRole('button', { name: 'Save allowed origins' }).click();
    await expect(page.getByText('Saved. Browsers on 2 origins may call the API.')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Allowed origins (CORS)')).toHaveValue(`${origin}\nhttp://localhost:5173`);
    await expectNoAxeViolations(page);

    const preflight = await request.fetch('/api/v1/articles', {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()['access-control-allow-origin']).toBe(origin);
    expect(preflight.headers()['access-control-allow-headers']).toContain('Authorization');
    const allowed = await request.get('/api/v1/tags', { headers: { Authorization: `Bearer ${key}`, Origin: origin } });
    expect(allowed.headers()['access-control-allow-origin']).toBe(origin);
    expect(allowed.headers()['vary']).toContain('Origin');
    const other = await request.get('/api/v1/tags', { headers: { Authorization: `Bearer ${key}`, Origin: 'https://elsewhere.example.com' } });
    expect(other.status()).toBe(200);
    expect(other.headers()['access-control-allow-origin']).toBeUndefined();
  });

  test('the API reference lists every endpoint with its parameters and fields', async ({ page, request }) => {
    test.slow(); // a long page for axe
    await page.goto('/admin');
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'API reference' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'API reference' })).toBeVisible();
    const doc = await openApi(request);
    // Every operation of the OpenAPI document has its section (read at once: the page is long).
    const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} /api/v1${path}`));
    const headings = (await page.getByRole('heading', { level: 2 }).allInnerTexts()).map((h) => h.trim());
    expect(operations.filter((o) => !headings.includes(o))).toEqual([]);
    const params = page.getByRole('table', { name: 'Parameters of /api/v1/articles', exact: true });
    for (const name of ['include', 'fields', 'sort', 'cursor']) await expect(params.getByRole('cell', { name, exact: true })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Response fields of /api/v1/articles/{idOrSlug}', exact: true }).getByRole('cell', { name: 'data.body.html', exact: true })).toBeVisible();
    // Every endpoint's section is the same component: the page, its index and the first four sections are scanned.
    await expectNoAxeViolations(page, { exclude: 'section[aria-labelledby]:nth-of-type(n+5)' });
  });
});

test('without a key the API answers 401 in its error format; the OpenAPI document needs none', async ({ request }) => {
  const doc = await openApi(request);
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/articles', '/articles/{idOrSlug}', '/articles/{idOrSlug}/comments', '/sections', '/tags', '/authors']));
  for (const path of ['/api/v1/articles', '/api/v1/sections', `/api/v1/articles/${SEEDED_ARTICLE.slug}/comments`]) {
    const res = await request.get(path);
    expect(res.status()).toBe(401);
    expect(res.headers()['content-type']).toContain('application/json');
    const body = await res.json();
    expect(body.error.code).toBe('unauthorized');
    expect(violations(doc, responseSchema(doc, '/articles', '401'), body)).toEqual([]);
  }
  expect((await request.get('/api/v1/articles', { headers: { Authorization: 'Bearer bs_live_not-a-real-key' } })).status()).toBe(401);
});

test.describe('editors', () => {
  test.use({ storageState: storageStateFor('editor') });

  test('do not see or open the API keys page', async ({ page }) => {
    await page.goto('/admin');
    await expect(page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Comments' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'API keys' })).toHaveCount(0);
    await page.goto('/admin/api-keys');
    await expect(page).toHaveURL(/\/admin\?denied=1$/);
    await expect(page.getByText('Your role does not give access to that page.')).toBeVisible();
  });
});
