import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, request as playwrightRequest, test, type APIResponse } from '@playwright/test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { SEEDED_ARTICLE, storageStateFor } from './helpers';

// Random and hostile input, over real HTTP, at every public route handler (content API with its
// query parameters, comments, media, feeds, sitemaps, search) and at the comment and sign-in
// forms: no answer is a 5xx, the server keeps answering, and nothing is stored. Runs after the
// browser tests (its own Playwright project) so the row counts are this suite's alone.
// Named cases assert their exact answer; fast-check then throws generated input at each target
// with a fixed seed (reproducible). Every answer is tallied into test-results/hostile-input.md.

const ROOT = path.resolve(import.meta.dirname, '..');
const DB_FILE = path.resolve(ROOT, process.env.E2E_DB ?? 'data/e2e.db');
const SEED = 20261207;

// ---------------------------------------------------------------- hostile values

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString', 'valueOf'];
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '%',
  '%E0%A4%A',
  '%00',
  '%25',
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '..\\..\\windows\\win.ini',
  "' OR 1=1 --",
  '"; DROP TABLE "Comment"; --',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}',
  'NEAR(a b) AND "unterminated',
  '*',
  '^',
  '\u202Egnp.exe',
  '\uD800',
  '\uFFFF\uFFFE',
  'Zalgo: Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤ ̖t̝͕̳̣̻̪͞h̼͓̲̦̳̘̲e͇̣̰̦̬͎ ̢̼̻̱̘h͚͎͙̜̣̲ͅi̦̲̣̰̤v̻͍e̺̭̳̪̰-m̢iͅn̖̺̞̲̯̰d̵̼̟͙̩̼̘̳',
  '🏴‍☠️💥'.repeat(50),
  'x'.repeat(5000),
  '-1',
  '1e308',
  'NaN',
  'Infinity',
  '0x7fffffff',
  '99999999999999999999999',
  'true',
  'null',
  '[]',
  '{}',
  ...PROTO_KEYS,
];
const hostileString = () =>
  fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }), fc.string({ unit: 'binary', maxLength: 100 }));
/** JSON values of every type, with prototype-pollution keys among the object keys. */
const hostileJson = () =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.dictionary(
      fc.oneof(fc.constantFrom(...PROTO_KEYS, 'articleId', 'body', 'name', 'email', 'formToken', 'parentId', 'website'), fc.string({ maxLength: 10 })),
      fc.oneof(hostileString(), fc.jsonValue({ maxDepth: 2 })),
    ),
  );
/** A query string of known and unknown parameter names with hostile values, repeats included. */
const hostileQuery = (names: string[]) =>
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...names, ...PROTO_KEYS, 'key', ''), fc.string({ maxLength: 20 })), hostileString()), { maxLength: 6 })
    .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))}`).join('&'));
/** A path segment: encoded hostile text, or raw traversal and broken escapes as a client could send them. */
const hostileSegment = () =>
  fc.oneof(
    hostileString().map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '\uFFFD')) || 'x'),
    fc.constantFrom('%', '%E0%A4%A', '..%2F..%2Fetc%2Fpasswd', '%2e%2e', 'a%00b', '%C0%AF', 'x'.repeat(3000), '%F0%9F%92%A9'),
  );

// ---------------------------------------------------------------- bookkeeping

const tally = new Map<string, Map<number, number>>();
const named: { target: string; input: string; status: number }[] = [];
function record(target: string, status: number) {
  const t = tally.get(target) ?? new Map<number, number>();
  t.set(status, (t.get(status) ?? 0) + 1);
  tally.set(target, t);
}
async function answer(target: string, res: Promise<APIResponse>): Promise<APIResponse> {
  const r = await res;
  record(target, r.status());
  expect(r.status(), `${target} answered ${r.status()}: ${(await r.text()).slice(0, 300)}`).toBeLessThan(500);
  return r;
}

const TABLES = ['Comment', 'CommentReport', 'Media', 'User', 'Ban', 'Article', 'Webhook', 'Setting'];
function countRows(): Record<string, number> {
  const db = new Database(DB_FILE, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

/** A content API key written straight into the test database (as the dashboard would store it). */
function makeApiKey(): string {
  const key = `bs_live_${crypto.randomBytes(24).toString('base64url')}`;
  const db = new Database(DB_FILE, { fileMustExist: true });
  try {
    const now = new Date().toISOString().replace('Z', '+00:00');
    db.prepare('INSERT INTO "ApiKey" (id, label, prefix, keyHash, createdAt) VALUES (?, ?, ?, ?, ?)').run(
      `hostile${crypto.randomBytes(6).toString('hex')}`,
      'Hostile input suite',
      key.slice(0, 12),
      crypto.createHash('sha256').update(key).digest('base64url'),
      now,
    );
  } finally {
    db.close();
  }
  return key;
}

const run = <T>(arb: fc.Arbitrary<T>, numRuns: number, body: (v: T) => Promise<void>) => fc.assert(fc.asyncProperty(arb, body), { numRuns, seed: SEED, endOnFailure: true });

// ---------------------------------------------------------------- the suite

test.describe.configure({ mode: 'serial' });

test.describe('hostile input', () => {
  let before: Record<string, number>;
  let apiKey: string;
  let articleId: string;
  const ARTICLE = `/articles/${SEEDED_ARTICLE.slug}`;

  test.beforeAll(async ({ request }) => {
    before = countRows();
    apiKey = makeApiKey();
    const db = new Database(DB_FILE, { readonly: true });
    articleId = (db.prepare('SELECT id FROM "Article" WHERE slug = ?').get(SEEDED_ARTICLE.slug) as { id: string }).id;
    db.close();
    expect((await request.get('/login')).status()).toBe(200);
  });

  test.afterAll(async ({ request }) => {
    const lines = ['# Hostile input: what each target answered', '', '## Named cases', '', '| Target | Input | Answer |', '| --- | --- | --- |'];
    for (const n of named) lines.push(`| ${n.target} | ${n.input.replace(/\|/g, '\\|')} | ${n.status} |`);
    lines.push('', '## Generated cases (fast-check, seed ' + SEED + ')', '', '| Target | Answers (status × count) |', '| --- | --- |');
    for (const [target, statuses] of tally)
      lines.push(
        `| ${target} | ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s} × ${n}`)
          .join(', ')} |`,
      );
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'test-results/hostile-input.md'), `${lines.join('\n')}\n`);
    console.log(lines.join('\n'));
    // Still answering after all of it.
    expect((await request.get('/login')).status()).toBe(200);
  });

  test('named hostile requests get their specific answer', async ({ request }) => {
    const auth = { Authorization: `Bearer ${apiKey}` };
    const json = { 'content-type': 'application/json' };
    const author = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL, storageState: storageStateFor('author') });
    const cases: [string, string, () => Promise<APIResponse>, number][] = [
      ['POST /api/comments', 'Content-Type: text/plain', () => request.post('/api/comments', { headers: { 'content-type': 'text/plain' }, data: 'hello' }), 415],
      ['POST /api/comments', 'no Content-Type', () => request.post('/api/comments', { data: Buffer.from('{}') }), 415],
      ['POST /api/comments', 'malformed JSON', () => request.post('/api/comments', { headers: json, data: '{"articleId":' }), 400],
      ['POST /api/comments', 'JSON array', () => request.post('/api/comments', { headers: json, data: '[1,2]' }), 400],
      ['POST /api/comments', 'invalid UTF-8', () => request.post('/api/comments', { headers: json, data: Buffer.from([0x7b, 0xff, 0x7d]) }), 400],
      ['POST /api/comments', '70 KB JSON body', () => request.post('/api/comments', { headers: json, data: JSON.stringify({ articleId, body: 'x'.repeat(70_000) }) }), 413],
      [
        'POST /api/comments',
        '{"__proto__":{"status":"APPROVED"}} and no fields',
        () => request.post('/api/comments', { headers: json, data: '{"__proto__":{"status":"APPROVED"},"constructor":{"prototype":{"x":1}}}' }),
        422,
      ],
      [
        'POST /api/comments',
        'wrong types (numbers, arrays, objects)',
        () => request.post('/api/comments', { headers: json, data: JSON.stringify({ articleId: 42, body: ['a'], name: { a: 1 }, email: true }) }),
        422,
      ],
      [
        'POST /api/comments',
        'unknown article',
        () => request.post('/api/comments', { headers: json, data: JSON.stringify({ articleId: 'nope', body: 'Hello there', name: 'Ann', email: 'ann@example.com' }) }),
        404,
      ],
      ['POST /api/comments', 'multipart without boundary', () => request.post('/api/comments', { headers: { 'content-type': 'multipart/form-data' }, data: 'x' }), 400],
      ['GET /api/v1/articles', 'no key', () => request.get('/api/v1/articles'), 401],
      ['GET /api/v1/articles', 'malformed Authorization', () => request.get('/api/v1/articles', { headers: { Authorization: 'Bearer a b c' } }), 401],
      ['GET /api/v1/articles', '?limit=-1&sort=evil&fields=passwordHash', () => request.get('/api/v1/articles?limit=-1&sort=evil&fields=passwordHash', { headers: auth }), 400],
      ['GET /api/v1/articles', '?__proto__[x]=1&constructor=1', () => request.get('/api/v1/articles?__proto__[x]=1&constructor=1', { headers: auth }), 400],
      ['GET /api/v1/articles', '?cursor=<600 chars of junk>', () => request.get(`/api/v1/articles?cursor=${'z'.repeat(600)}`, { headers: auth }), 400],
      ['GET /api/v1/articles/:id', '../../etc/passwd (encoded)', () => request.get('/api/v1/articles/..%2F..%2Fetc%2Fpasswd', { headers: auth }), 404],
      ['GET /api/v1/articles/:id', 'broken escape %E0%A4%A', () => request.get('/api/v1/articles/%E0%A4%A', { headers: auth }), 400],
      ['GET /api/v1/articles/:id/comments', '?limit=1e9', () => request.get(`/api/v1/articles/${SEEDED_ARTICLE.slug}/comments?limit=1e9`, { headers: auth }), 400],
      ['GET /api/v1/sections', '?anything=1', () => request.get('/api/v1/sections?anything=1', { headers: auth }), 400],
      ['POST /api/v1/articles', 'a write to a read-only API', () => request.post('/api/v1/articles', { headers: { ...auth, ...json }, data: '{}' }), 405],
      ['POST /api/media', 'signed out', () => request.post('/api/media', { multipart: { file: { name: 'a.png', mimeType: 'image/png', buffer: Buffer.from('x') } } }), 401],
      [
        'POST /api/media',
        'cross-site (Origin: https://evil.example)',
        () => author.post('/api/media', { headers: { origin: 'https://evil.example' }, multipart: { file: { name: 'a.png', mimeType: 'image/png', buffer: Buffer.from('x') } } }),
        403,
      ],
      [
        'POST /api/media',
        'Sec-Fetch-Site: cross-site',
        () => author.post('/api/media', { headers: { 'sec-fetch-site': 'cross-site' }, multipart: { file: { name: 'a.png', mimeType: 'image/png', buffer: Buffer.from('x') } } }),
        403,
      ],
      ['POST /api/media', 'author, JSON instead of a form', () => author.post('/api/media', { headers: json, data: '{}' }), 415],
      [
        'POST /api/media',
        'author, text file named photo.png',
        () => author.post('/api/media', { multipart: { file: { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all, just words'.repeat(3)) } } }),
        422,
      ],
      [
        'POST /api/media',
        'author, file name ../../../etc/passwd',
        () => author.post('/api/media', { multipart: { file: { name: '../../../etc/passwd', mimeType: 'image/png', buffer: Buffer.from('plain text') } } }),
        422,
      ],
      ['POST /api/media', 'author, no file field', () => author.post('/api/media', { multipart: { other: 'x' } }), 422],
      // Answered before the body has arrived, so the server closes that connection (as HTTP allows
      // after a 413): sent on a connection of its own, which no later case reuses.
      [
        'POST /api/media',
        'author, 11 MB body',
        () => author.post('/api/media', { headers: { connection: 'close' }, multipart: { file: { name: 'big.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(11_000_000, 0xff) } } }),
        413,
      ],
      ['GET /api/media', 'signed out', () => request.get('/api/media?q=%27%20OR%201%3D1'), 401],
      ['GET /api/media/:id/preview', 'author, ../ id', () => author.get('/api/media/..%2F..%2Fetc/preview', { maxRedirects: 0 }), 404],
      ['GET /media/...', '../../data/e2e.db (encoded)', () => request.get('/media/..%2F..%2Fe2e.db'), 404],
      ['GET /media/...', 'broken escape', () => request.get('/media/%E0%A4%A'), 400],
      ['GET /preview/:token', 'broken escape %E0%A4%A', () => request.get('/preview/%E0%A4%A'), 200],
      ['GET /search', '?q=NEAR("a" AND *', () => request.get('/search?q=NEAR(%22a%22%20AND%20*'), 200],
      ['GET /search', '?q=<5000 chars>&page=-3', () => request.get(`/search?q=${'q'.repeat(5000)}&page=-3`), 200],
      ['GET /sitemaps/:name', '../../etc/passwd.xml', () => request.get('/sitemaps/..%2F..%2Fetc%2Fpasswd.xml'), 404],
      ['GET /sitemaps/:name', 'articles-99999999.xml', () => request.get('/sitemaps/articles-99999999.xml'), 404],
      ['GET /sections/:slug/rss.xml', 'unknown section', () => request.get('/sections/%3Cscript%3E/rss.xml'), 404],
      ['GET /articles/:slug', 'broken escape', () => request.get('/articles/%'), 400],
      ['GET /admin', 'forged session cookie', () => request.get('/admin', { headers: { cookie: 'next-auth.session-token=eyJhbGciOiJub25lIn0.eyJyb2xlIjoiQURNSU4ifQ.' }, maxRedirects: 0 }), 307],
      ['GET /', '8 KB of junk cookies', () => request.get('/', { headers: { cookie: `__proto__=1; a=${'%'.repeat(8000)}` } }), 200],
    ];
    try {
      for (const [target, input, send, expected] of cases) {
        const r = await answer(target, send());
        named.push({ target, input, status: r.status() });
        expect(r.status(), `${target} ${input}: ${(await r.text()).slice(0, 200)}`).toBe(expected);
        if (r.status() >= 400 && target.includes('/api/') && r.status() !== 405)
          expect((await r.json()).error, `${target} ${input}`).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      }
    } finally {
      await author.dispose();
    }
  });

  test('generated input to the content API, feeds, sitemaps, search and pages', async ({ request }) => {
    test.setTimeout(120_000);
    const auth = { Authorization: `Bearer ${apiKey}` };
    const listParams = ['limit', 'cursor', 'sort', 'fields', 'include', 'section', 'tag', 'author', 'q', 'since', 'until', 'page'];
    await run(
      fc.tuple(
        fc.constantFrom('/api/v1/articles', '/api/v1/sections', '/api/v1/tags', '/api/v1/authors', `/api/v1/articles/${SEEDED_ARTICLE.slug}`, `/api/v1/articles/${SEEDED_ARTICLE.slug}/comments`),
        hostileQuery(listParams),
      ),
      60,
      async ([p, q]) => {
        await answer('GET /api/v1/* ?query', request.get(`${p}?${q}`, { headers: auth }));
      },
    );
    await run(fc.tuple(hostileSegment(), fc.constantFrom('', '/comments')), 25, async ([seg, tail]) => {
      await answer('GET /api/v1/articles/:idOrSlug', request.get(`/api/v1/articles/${seg}${tail}`, { headers: auth }));
    });
    await run(hostileQuery(['q', 'page']), 25, async (q) => {
      await answer('GET /search ?query', request.get(`/search?${q}`));
    });
    await run(
      fc.tuple(fc.constantFrom('/rss.xml', '/sitemap.xml', '/news-sitemap.xml', '/robots.txt', '/sections/world/rss.xml', '/sitemaps/articles-1.xml', '/'), hostileQuery(['page', 'utm_source', 'x'])),
      20,
      async ([p, q]) => {
        await answer('GET feeds and sitemaps ?query', request.get(`${p}?${q}`));
      },
    );
    await run(
      fc.tuple(
        fc.constantFrom('/sitemaps/', '/sections/', '/tags/', '/authors/', '/articles/', '/media/', '/preview/', '/sections/world/page/'),
        hostileSegment(),
        fc.constantFrom('', '/rss.xml', '/page/2'),
      ),
      40,
      async ([prefix, seg, tail]) => {
        await answer('GET public paths with hostile segments', request.get(`${prefix}${seg}${tail}`, { maxRedirects: 0 }));
      },
    );
    await run(
      fc.tuple(
        fc.constantFrom('/', ARTICLE, '/search?q=a', '/api/media', '/admin', '/login'),
        fc.array(
          fc.tuple(
            fc.oneof(fc.constantFrom('next-auth.session-token', 'next-auth.csrf-token', '__Secure-next-auth.session-token', '__prerender_bypass', ...PROTO_KEYS), fc.string({ maxLength: 10 })),
            hostileString(),
          ),
          { maxLength: 4 },
        ),
      ),
      25,
      async ([p, pairs]) => {
        const cookie = pairs.map(([k, v]) => `${k.replace(/[^\x21-\x7e]|[;,=]/g, '') || 'k'}=${encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))}`).join('; ');
        await answer('GET with hostile cookies', request.get(p, { headers: cookie ? { cookie } : {}, maxRedirects: 0 }));
      },
    );
  });

  test('generated bodies to the comment API and the comment form', async ({ request }) => {
    test.setTimeout(120_000);
    const types = ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', 'text/plain', 'application/xml', 'application/json; charset=utf-16', ''];
    await run(
      fc.tuple(
        fc.constantFrom(...types),
        fc.oneof(
          hostileJson().map((v) => JSON.stringify(v) ?? 'null'),
          hostileString(),
          fc.constant('{"a":'),
        ),
      ),
      60,
      async ([type, body]) => {
        await answer('POST /api/comments (generated body)', request.post('/api/comments', { headers: type ? { 'content-type': type } : {}, data: Buffer.from(body) }));
      },
    );
    // Every generated comment is invalid on purpose (no usable email), so none may be stored.
    const badEmail = fc.constantFrom('', 'nope', 'a@', '@b', 'a b@c.d', '<x@y.z>', 'x'.repeat(300), '"><script>@x');
    await run(
      fc.record({
        articleId: fc.oneof(fc.constant(articleId), hostileString()),
        body: hostileString(),
        name: hostileString(),
        email: badEmail,
        parentId: fc.option(hostileString()),
        website: hostileString(),
      }),
      40,
      async (fields) => {
        await answer('POST /api/comments (generated fields)', request.post('/api/comments', { headers: { 'content-type': 'application/json' }, data: JSON.stringify(fields) }));
      },
    );

    // The forms of the article page, posted as a browser without JavaScript posts them (it asks for a page).
    await run(
      fc.record({
        articleId: fc.oneof(fc.constant(articleId), hostileString()),
        formToken: hostileString(),
        contact_fax: fc.oneof(fc.constant(''), hostileString()),
        body: hostileString(),
        name: hostileString(),
        email: badEmail,
        website: hostileString(),
        commentId: hostileString(),
        reason: fc.oneof(fc.constant(''), hostileString()),
      }),
      40,
      async ({ commentId, reason, ...fields }) => {
        const headers = { accept: 'text/html', origin: new URL(test.info().project.use.baseURL!).origin };
        const page = await answer('comment form (plain post)', request.post('/api/comments', { headers, form: fields }));
        expect(page.headers()['content-type']).toMatch(/^text\/html/);
        await answer('report form (plain post)', request.post('/api/comments/report', { headers, form: { commentId, reason } }));
      },
    );
  });

  const SIGN_IN_EXTRA_FIELDS = [...PROTO_KEYS, 'callbackUrl', 'redirect', 'json', 'code'];

  test('generated sign-ins', async () => {
    test.setTimeout(120_000);
    const baseURL = test.info().project.use.baseURL!;
    const ctx = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: new URL(baseURL).origin } });
    try {
      const { csrfToken } = (await (await ctx.get('/api/auth/csrf')).json()) as { csrfToken: string };
      await run(
        fc.record({
          // Never a real account: wrong passwords lock an account (that is the point), and the other suites sign in with them.
          email: fc.oneof(hostileString(), fc.constant('nobody-hostile@broadsheet.test')),
          password: hostileString(),
          csrf: fc.oneof(fc.constant(csrfToken), hostileString()),
          asJson: fc.boolean(),
          extra: fc.dictionary(fc.constantFrom(...SIGN_IN_EXTRA_FIELDS), hostileString(), { maxKeys: 3 }),
        }),
        40,
        async ({ email, password, csrf, asJson, extra }) => {
          const fields = { ...extra, email, password };
          const signIn = await answer('POST /api/auth/sign-in', ctx.post('/api/auth/sign-in', asJson ? { data: fields } : { form: fields, maxRedirects: 0 }));
          // next-auth's own credentials endpoint signs nobody in: sign-in goes through the throttled route above.
          const legacy = await answer('POST /api/auth/callback/credentials', ctx.post('/api/auth/callback/credentials', { form: { ...fields, csrfToken: csrf, json: 'true' }, maxRedirects: 0 }));
          // No session from a wrong password, whatever else was sent.
          for (const res of [signIn, legacy]) expect(res.headers()['set-cookie'] ?? '').not.toContain('session-token=ey');
        },
      );
    } finally {
      await ctx.dispose();
    }
  });

  test('nothing was stored', () => {
    expect(countRows()).toEqual(before);
  });
});
