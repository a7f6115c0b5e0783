// The content API's route handlers as a client meets them: keys, parameters, validators and
// the documented response schemas (the queries behind them: lib/api/content.int.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { GET as listArticlesRoute } from '@/app/api/v1/articles/route';
import { GET as articleCommentsRoute } from '@/app/api/v1/articles/[idOrSlug]/comments/route';
import { GET as articleRoute } from '@/app/api/v1/articles/[idOrSlug]/route';
import { GET as authorsRoute } from '@/app/api/v1/authors/route';
import { GET as sectionsRoute } from '@/app/api/v1/sections/route';
import { GET as tagsRoute } from '@/app/api/v1/tags/route';
import { createApiKey, revokeApiKey } from '@/lib/api-keys';
import { responseCacheStats } from '@/lib/api/response-cache';
import * as schemas from '@/lib/api/schemas';
import { invalidateArticle, invalidateSite } from '@/lib/cache';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';
import { createArticle, createSection, createUser, unique } from '@/test/fixtures';

let admin: StaffUser;
let section: { id: string; name: string; slug: string };
let published: { id: string; slug: string }[];
let hidden: { id: string; slug: string }[];

beforeAll(async () => {
  const writer = await createUser('AUTHOR');
  admin = await createUser('ADMIN');
  section = await createSection();
  published = [];
  for (const hours of [1, 2, 3]) published.push(await createArticle({ sectionId: section.id, publishedAt: new Date(Date.now() - hours * 3_600_000), authorIds: [writer.id] }));
  hidden = [await createArticle({ sectionId: section.id, status: 'DRAFT', authorIds: [writer.id] })];
});

describe('route handlers', () => {
  const call = (route: typeof listArticlesRoute, url: string, headers: Record<string, string> = {}, params: object = {}) =>
    route(new Request(`http://localhost${url}`, { headers }), { params: Promise.resolve(params) });

  it('require a key, name bad parameters, and answer If-None-Match with 304', async () => {
    const { key, id } = await createApiKey(`Route test ${unique()}`, admin);
    const auth = { Authorization: `Bearer ${key}` };

    const missing = await call(listArticlesRoute, '/api/v1/articles');
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { code: 'unauthorized', message: expect.any(String), details: null } });

    const bad = await call(listArticlesRoute, '/api/v1/articles?limit=0&colour=red', auth);
    expect(bad.status).toBe(400);
    const badBody = await bad.json();
    expect(badBody.error.code).toBe('bad_request');
    expect(Object.keys(badBody.error.details).sort()).toEqual(['colour', 'limit']);

    const ok = await call(listArticlesRoute, `/api/v1/articles?section=${section.slug}&limit=2&key=${key}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toMatch(/^private/);
    const etag = ok.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    expect((await ok.json()).data).toHaveLength(2);

    const again = await call(listArticlesRoute, `/api/v1/articles?section=${section.slug}&limit=2`, { ...auth, 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    const comments = await call(articleCommentsRoute, '/api/v1/articles/x/comments', auth, { idOrSlug: hidden[0]!.slug });
    expect(comments.status).toBe(404);

    await revokeApiKey(id, admin);
    expect((await call(listArticlesRoute, '/api/v1/articles', auth)).status).toBe(401);
  });

  it('answer every route with a body its documented (strict) response schema accepts', async () => {
    const { key } = await createApiKey(`Contract test ${unique()}`, admin);
    const auth = { Authorization: `Bearer ${key}` };
    const article = published[0]!;
    await db.comment.create({ data: { articleId: article.id, authorName: 'Contract', authorEmail: `c-${unique()}@example.com`, body: 'Checked.', status: 'APPROVED' } });
    const cases: [route: typeof listArticlesRoute, url: string, params: object, schema: z.ZodType][] = [
      [listArticlesRoute, `/api/v1/articles?section=${section.slug}&limit=3`, {}, schemas.articleListResponseSchema],
      [listArticlesRoute, `/api/v1/articles?section=${section.slug}&limit=3&include=authors,section,tags&sort=title`, {}, schemas.articleListResponseSchema],
      [listArticlesRoute, `/api/v1/articles?fields=slug&include=tags`, {}, schemas.articleListResponseSchema],
      [articleRoute, `/api/v1/articles/${article.slug}?include=authors,section,tags`, { idOrSlug: article.slug }, schemas.articleResponseSchema],
      [articleRoute, `/api/v1/articles/${article.slug}?fields=title,body`, { idOrSlug: article.slug }, schemas.articleResponseSchema],
      [sectionsRoute, '/api/v1/sections?limit=1', {}, schemas.sectionListResponseSchema],
      [listArticlesRoute, '/api/v1/articles?fields=email', {}, schemas.errorResponseSchema],
      [articleRoute, `/api/v1/articles/${article.slug}`, { idOrSlug: article.slug }, schemas.articleResponseSchema],
      [articleCommentsRoute, `/api/v1/articles/${article.id}/comments`, { idOrSlug: article.id }, schemas.commentListResponseSchema],
      [sectionsRoute, '/api/v1/sections', {}, schemas.sectionListResponseSchema],
      [tagsRoute, '/api/v1/tags', {}, schemas.tagListResponseSchema],
      [authorsRoute, '/api/v1/authors', {}, schemas.authorListResponseSchema],
      [listArticlesRoute, '/api/v1/articles?limit=0', {}, schemas.errorResponseSchema],
      [articleRoute, '/api/v1/articles/no-such-article', { idOrSlug: 'no-such-article' }, schemas.errorResponseSchema],
    ];
    for (const [route, url, params, schema] of cases) {
      const res = await call(route, url, auth, params);
      const parsed = schema.safeParse(await res.json());
      expect(parsed.error?.issues ?? [], url).toEqual([]);
    }
  });

  it('answer a repeated request from memory until the article changes, and refuse a revoked key at its next request', async () => {
    const { key, id } = await createApiKey(`Memory test ${unique()}`, admin);
    const auth = { Authorization: `Bearer ${key}` };
    const article = published[1]!;
    const url = `/api/v1/articles/${article.slug}?fields=title`;
    const get = (headers: Record<string, string> = {}) => call(articleRoute, url, { ...auth, ...headers }, { idOrSlug: article.slug });
    const title = async (res: Response) => ((await res.json()) as { data: { title: string } }).data.title;

    const first = await get();
    const before = (await title(first)) as string;
    const etag = first.headers.get('etag')!;
    // A change written behind the site's back (no invalidation) is not seen: the response comes from memory.
    await db.article.update({ where: { id: article.id }, data: { title: `Changed quietly ${unique()}` } });
    const hits = responseCacheStats().hits;
    const kept = await get();
    // A kept response names its tags for a CDN: the article's own and the site's.
    expect(kept.headers.get('surrogate-key')?.split(' ')).toEqual(expect.arrayContaining([`a:${article.id}`, '_N_T_/layout']));
    expect(kept.headers.get('cache-tag')).toBe(kept.headers.get('surrogate-key')!.replaceAll(' ', ','));
    expect(await title(kept)).toBe(before);
    expect((await get({ 'If-None-Match': etag })).status).toBe(304);
    expect(responseCacheStats().hits).toBe(hits + 2);

    // Every mutation of the site invalidates the article's tag, and the next response is the new one.
    const renamed = `Renamed ${unique()}`;
    await db.article.update({ where: { id: article.id }, data: { title: renamed } });
    await invalidateArticle(article.id);
    const after = await get({ 'If-None-Match': etag });
    expect(after.status).toBe(200);
    expect(await title(after)).toBe(renamed);

    // A changed site setting (on every page) refreshes it too; other URLs are separate entries.
    await invalidateSite();
    expect(await title(await get())).toBe(renamed);
    expect((await call(articleRoute, `/api/v1/articles/${article.slug}?fields=slug`, auth, { idOrSlug: article.slug })).status).toBe(200);

    await revokeApiKey(id, admin);
    expect((await get()).status).toBe(401);
  });
});
