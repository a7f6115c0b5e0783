// The SDK's generated files match the OpenAPI document the server builds now: a change to an
// API schema without `npm run sdk:build` fails here, before clients meet stale types.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSdkSources } from '../scripts/sdk/generate';
import { createBroadsheetClient, StaleVersionError } from './src/index';

const read = (file: string) => fs.readFileSync(path.join(__dirname, file), 'utf8');

describe('the SDK', () => {
  it('was generated from the current OpenAPI document (run `npm run sdk:build` if not)', async () => {
    const { openapiJson, schemaTs } = await generateSdkSources();
    expect(read('openapi.json'), 'sdk/openapi.json is stale').toBe(openapiJson);
    expect(read('src/schema.d.ts'), 'sdk/src/schema.d.ts is stale').toBe(schemaTs);
  });

  it('sends the last version it saw as If-Match, an Idempotency-Key on create, and throws typed errors', async () => {
    const seen: Request[] = [];
    const article = {
      id: 'a1',
      slug: 's',
      version: 1,
      status: 'draft',
      url: null,
      title: 'T',
      standfirst: '',
      section: null,
      tags: [],
      body: { type: 'doc', content: [] },
      heroImageId: null,
      authors: [],
      publishedAt: null,
      scheduledAt: null,
      updatedAt: new Date(0).toISOString(),
    };
    const answers = [
      Response.json({ data: article }, { status: 201, headers: { ETag: '"1"' } }),
      Response.json({ error: { code: 'precondition_failed', message: 'Stale.', details: { currentVersion: ['2'] } } }, { status: 412 }),
      Response.json({ data: { ...article, version: 2, status: 'published' } }),
    ];
    const client = createBroadsheetClient({ baseUrl: 'https://news.test/', apiKey: 'bs_live_x', fetch: async (input) => (seen.push(input as Request), answers.shift()!) });
    await client.articles.create({ title: 'T' });
    await expect(client.articles.publish('a1')).rejects.toBeInstanceOf(StaleVersionError);
    await expect(client.articles.publish('a1', { version: 2 })).resolves.toMatchObject({ status: 'published' });
    expect(seen.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(['POST /api/v1/admin/articles', 'POST /api/v1/admin/articles/a1/publish', 'POST /api/v1/admin/articles/a1/publish']);
    expect(seen[0]!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer bs_live_x');
    expect(seen.slice(1).map((r) => r.headers.get('if-match'))).toEqual(['"1"', '"2"']);
  });

  it('retries a create after a 5xx with the same Idempotency-Key', async () => {
    const keys: (string | null)[] = [];
    const answers = [new Response('oops', { status: 503 }), Response.json({ data: { id: 'a2', version: 1 } }, { status: 201 })];
    const client = createBroadsheetClient({ baseUrl: 'https://news.test', apiKey: 'k', fetch: async (input) => (keys.push((input as Request).headers.get('idempotency-key')), answers.shift()!) });
    await client.articles.create({ title: 'Retry me' });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });
});
