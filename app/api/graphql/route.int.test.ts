// The GraphQL content API as a client meets it: keys, the same published-only data as the REST
// API, depth and cost limits, persisted queries, ETags and the response cache.
import { beforeAll, describe, expect, it } from 'vitest';
import { GET, OPTIONS, POST } from '@/app/api/graphql/route';
import { createApiKey } from '@/lib/api-keys';
import { getPublishedArticle, listPublishedArticles } from '@/lib/api/content';
import { responseCacheStats } from '@/lib/api/response-cache';
import { invalidateArticle } from '@/lib/cache';
import { db } from '@/lib/db';
import { runConsoleOperation, schemaIntrospection } from '@/lib/graphql/console';
import { sha256Hex } from '@/lib/graphql/persisted';
import { schemaSdl } from '@/lib/graphql/schema';
import { listArticlesQuerySchema } from '@/lib/validation/api';
import { createArticle, createSection, createTag, createUser, unique } from '@/test/fixtures';

let auth: Record<string, string>;
let rawKey: string;
let section: { id: string; slug: string };
let published: { id: string; slug: string }[];
let draft: { id: string; slug: string };

beforeAll(async () => {
  const [admin, writer] = await Promise.all([createUser('ADMIN'), createUser('AUTHOR')]);
  rawKey = (await createApiKey(`GraphQL test ${unique()}`, admin)).key;
  auth = { Authorization: `Bearer ${rawKey}` };
  section = await createSection();
  const tag = await createTag();
  published = [];
  for (const hours of [1, 2, 3]) published.push(await createArticle({ sectionId: section.id, publishedAt: new Date(Date.now() - hours * 3_600_000), authorIds: [writer.id], tagIds: [tag.id] }));
  draft = await createArticle({ sectionId: section.id, status: 'DRAFT', authorIds: [writer.id] });
});

const post = (body: unknown, headers: Record<string, string> = auth) =>
  POST(new Request('http://localhost/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }));
const get = (params: Record<string, string>, headers: Record<string, string> = auth) => GET(new Request(`http://localhost/api/graphql?${new URLSearchParams(params)}`, { headers }));
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field against the REST API
type Answer = { data?: Record<string, any>; errors?: { message: string; extensions: { code: string } }[]; extensions?: { cost: number } };
const json = async (res: Response) => (await res.json()) as Answer;

const LIST = `query List($section: String, $first: Int, $after: String) {
  articles(section: $section, first: $first, after: $after) {
    nodes { id slug title standfirst url publishedAt updatedAt section { name slug } tags { name slug } authors { name slug } }
    pageInfo { endCursor hasNextPage }
  }
}`;

describe('POST /api/graphql', () => {
  it('needs a content key', async () => {
    const res = await post({ query: '{ sections { nodes { slug } } }' }, {});
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');
    expect((await post({ query: '{ sections { nodes { slug } } }' }, { Authorization: 'Bearer nope' })).status).toBe(401);
    expect((await OPTIONS(new Request('http://localhost/api/graphql', { method: 'OPTIONS' }))).headers.get('allow')).toBe('GET, POST, OPTIONS');
  });

  it('returns the REST API’s data, pages with cursors, and never shows drafts', async () => {
    const res = await post({ query: LIST, variables: { section: section.slug, first: 2 } });
    expect(res.status).toBe(200);
    const first = await json(res);
    expect(first.errors).toBeUndefined();
    const rest = await listPublishedArticles(listArticlesQuerySchema.parse({ section: section.slug, limit: '2', include: 'authors,section,tags' }));
    expect(first.data!.articles.nodes).toEqual(rest.data);
    expect(first.data!.articles.pageInfo).toEqual({ endCursor: rest.meta.next, hasNextPage: true });
    expect(first.extensions!.cost).toBeGreaterThan(0);

    const second = await json(await post({ query: LIST, variables: { section: section.slug, first: 2, after: first.data!.articles.pageInfo.endCursor } }));
    const ids = [...first.data!.articles.nodes, ...second.data!.articles.nodes].map((a: { id: string }) => a.id);
    expect(ids.sort()).toEqual(published.map((a) => a.id).sort());
    expect(ids).not.toContain(draft.id);
    expect(second.data!.articles.pageInfo.hasNextPage).toBe(false);

    const one = `query One($id: ID, $slug: String) { article(id: $id, slug: $slug) { id title body { html } corrections { id } heroImage { url } liveCoverage { open updates { id } } wordCount } }`;
    const bySlug = await json(await post({ query: one, variables: { slug: published[0]!.slug } }));
    const restOne = (await getPublishedArticle(published[0]!.id)).data;
    expect(bySlug.data!.article).toMatchObject({
      id: restOne.id,
      title: restOne.title,
      body: { html: restOne.body!.html },
      corrections: [],
      heroImage: null,
      liveCoverage: { open: false, updates: [] },
    });
    expect((await json(await post({ query: one, variables: { id: draft.id } }))).data!.article).toBeNull();
    expect((await json(await post({ query: one, variables: { slug: draft.slug } }))).data!.article).toBeNull();
  });

  it('refuses bad queries with clear errors, never a 500', async () => {
    const syntax = await post({ query: '{ articles { nodes { id }' });
    expect(syntax.status).toBe(400);
    expect((await json(syntax)).errors![0]!.extensions.code).toBe('GRAPHQL_PARSE_FAILED');

    const unknown = await post({ query: '{ articles { nodes { passwordHash } } }' });
    expect(unknown.status).toBe(400);
    expect((await json(unknown)).errors![0]!.message).toMatch(/passwordHash/);

    const badArg = await json(await post({ query: '{ articles(first: 0) { nodes { id } } }' }));
    expect(badArg.errors![0]).toMatchObject({ message: 'Some arguments of articles are not valid.', extensions: { code: 'BAD_REQUEST' } });

    const both = await json(await post({ query: `{ article(id: "x", slug: "y") { id } }` }));
    expect(both.errors![0]!.message).toBe('Give either id or slug, not both.');

    const notJson = await POST(new Request('http://localhost/api/graphql', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{' }));
    expect(notJson.status).toBe(400);
    const tooBig = await post({ query: `{ sections { nodes { slug } } } #${'x'.repeat(70_000)}` });
    expect(tooBig.status).toBe(413);
  });

  it('refuses queries over the depth or cost limit, saying which', async () => {
    const deep = await post({ query: '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }' });
    expect(deep.status).toBe(400);
    const deepBody = await json(deep);
    expect(deepBody.errors![0]).toMatchObject({ message: 'This query is nested 9 levels deep; the limit is 8.', extensions: { code: 'DEPTH_LIMIT_EXCEEDED' } });

    const nodes = 'nodes { body { html } corrections { id } heroImage { url } liveCoverage { open } }';
    const costly = await post({ query: `{ latest: articles(first: 100) { ${nodes} } more: articles(first: 100) { ${nodes} } }` });
    expect(costly.status).toBe(400);
    const costlyBody = await json(costly);
    expect(costlyBody.errors![0]!.extensions.code).toBe('COST_LIMIT_EXCEEDED');
    expect(costlyBody.errors![0]!.message).toMatch(/would cost \d+; the limit is 1000/);
    expect(costlyBody.extensions!.cost).toBeGreaterThan(1000);
  });

  it('follows the persisted-query protocol', async () => {
    const query = `{ articles(section: "${section.slug}", first: 1) { nodes { id } } }`;
    const persisted = (hash: string) => ({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }) });
    const hash = sha256Hex(query);

    const unknown = await json(await get(persisted(hash)));
    expect(unknown.errors![0]).toMatchObject({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });

    const wrong = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex('other') } } });
    expect(wrong.status).toBe(400);

    const registered = await json(await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }));
    expect(registered.data!.articles.nodes).toEqual([{ id: published[0]!.id }]);
    const byHash = await get({ ...persisted(hash), key: rawKey }, {});
    expect(byHash.status).toBe(200);
    expect((await json(byHash)).data).toEqual(registered.data);
  });

  it('answers with ETags and from memory until what the answer shows changes', async () => {
    const article = published[1]!;
    const query = `{ article(id: "${article.id}") { title } }`;
    const first = await post({ query });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    // It names its tags for a CDN, as cached pages and REST answers do: the article's own and the site's.
    expect(first.headers.get('surrogate-key')?.split(' ')).toEqual(expect.arrayContaining([`a:${article.id}`, '_N_T_/layout']));
    expect(first.headers.get('cache-tag')).toBe(first.headers.get('surrogate-key')!.replaceAll(' ', ','));
    const before = (await json(first)).data!.article.title;

    await db.article.update({ where: { id: article.id }, data: { title: `Changed quietly ${unique()}` } });
    const hits = responseCacheStats().hits;
    // The same query, spelt differently, is the same entry.
    expect((await json(await post({ query: `query {\n article(id: "${article.id}") {\n title\n }\n}` }))).data!.article.title).toBe(before);
    expect((await post({ query }, { ...auth, 'If-None-Match': etag })).status).toBe(304);
    expect(responseCacheStats().hits).toBe(hits + 2);
    const list = await get({ query: `{ articles(first: 2) { nodes { id } } }` });
    expect(list.headers.get('surrogate-key')?.split(' ')).toEqual(expect.arrayContaining(['latest', '_N_T_/layout'])); // from memory too
    expect((await get({ query: `{ articles(first: 2) { nodes { id } } }` })).headers.get('surrogate-key')).toBe(list.headers.get('surrogate-key'));
    // An answer with errors is not kept, and names no tags.
    expect((await post({ query: '{ article(id: "nope") { title nope } }' })).headers.get('surrogate-key')).toBeNull();

    const renamed = `Renamed ${unique()}`;
    await db.article.update({ where: { id: article.id }, data: { title: renamed } });
    await invalidateArticle(article.id);
    const after = await post({ query }, { ...auth, 'If-None-Match': etag });
    expect(after.status).toBe(200);
    expect((await json(after)).data!.article.title).toBe(renamed);
  });

  it('describes itself in SDL, with no private fields', () => {
    const sdl = schemaSdl();
    const articlesField = sdl.slice(sdl.indexOf('  articles('), sdl.indexOf('): ArticleConnection!'));
    for (const arg of ['after: String', 'author: String', 'first: Int = 20', 'query: String', 'section: String', 'tag: String']) expect(articlesField).toContain(arg);
    expect(sdl).toContain('  article(id: ID, slug: String): Article\n');
    for (const type of ['ArticleConnection', 'PageInfo', 'Image', 'Rendition', 'Correction', 'LiveCoverage', 'SectionConnection', 'TagConnection', 'AuthorConnection', 'PageConnection'])
      expect(sdl).toContain(`type ${type} `);
    expect(sdl).not.toMatch(/email|password|ipHash|Mutation/i);
  });

  it('runs GraphiQL’s operations in the dashboard through the same limits, published content only', async () => {
    const ok = await runConsoleOperation({ query: `query One($slug: String) { article(slug: $slug) { id } }`, variables: { slug: published[0]!.slug }, operationName: 'One' });
    expect((ok.data as { article: { id: string } }).article.id).toBe(published[0]!.id);
    expect(ok.extensions).toHaveProperty('cost');
    expect((await runConsoleOperation({ query: '{ sections { nodes { slug } } }', variables: [1] })).errors?.[0]?.message).toBe('Variables must be a JSON object, e.g. {"first": 5}.');
    expect((await runConsoleOperation({ query: '' })).errors?.[0]?.message).toBe('Write a query to run.');
    expect((await runConsoleOperation({ query: `{ article(id: "${draft.id}") { id } }` })).data).toEqual({ article: null });
    const deep = await runConsoleOperation({ query: '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }' });
    expect(deep.errors?.[0]?.message).toBe('This query is nested 9 levels deep; the limit is 8.');
  });

  it('gives GraphiQL the schema it documents, without an introspection request', () => {
    const types = schemaIntrospection().__schema.types.map((t) => t.name);
    expect(types).toEqual(expect.arrayContaining(['Query', 'Article', 'ArticleConnection']));
    expect(types.join(' ')).not.toMatch(/Mutation|User\b/);
  });
});
