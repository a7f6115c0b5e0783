import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi';

describe('OpenAPI document', () => {
  const doc = buildOpenApiDocument();

  it('lists every route with the bearer scheme', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(
      Object.keys(doc.paths)
        .filter((p) => !p.startsWith('/admin/'))
        .sort(),
    ).toEqual([
      '/alerts/current',
      '/articles',
      '/articles/{idOrSlug}',
      '/articles/{idOrSlug}/comments',
      '/articles/{idOrSlug}/updates',
      '/authors',
      '/openapi.json',
      '/pages',
      '/pages/{slug}',
      '/sections',
      '/tags',
    ]);
    expect(doc.components.securitySchemes.bearerKey).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('describes the list parameters from the query schema', () => {
    const list = doc.paths['/articles'] as { get: { parameters: { name: string; required: boolean; description?: string; schema: Record<string, unknown> }[] } };
    const byName = Object.fromEntries(list.get.parameters.map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(['author', 'cursor', 'fields', 'include', 'limit', 'published_after', 'published_before', 'q', 'section', 'sort', 'tag']);
    expect(byName.limit).toMatchObject({ required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } });
    expect(byName.sort).toMatchObject({ required: false, schema: { enum: expect.arrayContaining(['-publishedAt', 'title']), default: '-publishedAt' } });
    expect(byName.fields!.description).toContain('id, slug, title, standfirst, url, publishedAt, updatedAt');
    expect(byName.include!.description).toContain('authors, section, tags');
  });

  it('documents fields, include and pagination on the other routes too', () => {
    const names = (path: string) => (doc.paths[path] as { get: { parameters: { name: string }[] } }).get.parameters.map((p) => p.name).sort();
    expect(names('/articles/{idOrSlug}')).toEqual(['fields', 'idOrSlug', 'include']);
    for (const path of ['/sections', '/tags', '/authors', '/pages']) expect(names(path)).toEqual(['cursor', 'limit']);
    expect(names('/articles/{idOrSlug}/comments')).toEqual(['cursor', 'idOrSlug', 'limit']);
    expect(names('/pages/{slug}')).toEqual(['slug']);
    expect((doc.paths['/pages/{slug}'] as { get: { responses: Record<string, { description: string }> } }).get.responses[404]!.description).toBe('No published page has this slug.');
    expect(doc.components.schemas.SectionListResponse).toMatchObject({ required: ['data', 'meta'] });
  });

  it('describes every admin route, with If-Match, Idempotency-Key and 412/428 where they apply', () => {
    expect(
      Object.keys(doc.paths)
        .filter((p) => p.startsWith('/admin/'))
        .sort(),
    ).toEqual([
      '/admin/alerts',
      '/admin/alerts/{id}/end',
      '/admin/articles',
      '/admin/articles/{id}',
      '/admin/articles/{id}/corrections',
      '/admin/articles/{id}/corrections/{correctionId}/withdraw',
      '/admin/articles/{id}/live',
      '/admin/articles/{id}/live/updates',
      '/admin/articles/{id}/live/updates/{updateId}',
      '/admin/articles/{id}/live/{intent}',
      '/admin/articles/{id}/{transition}',
      '/admin/comments',
      '/admin/comments/{id}/{action}',
      '/admin/media',
      '/admin/media/{id}',
      '/admin/menus/{location}',
      '/admin/pages',
      '/admin/pages/{id}',
      '/admin/pages/{id}/{transition}',
      '/admin/plans',
      '/admin/plans/{id}',
      '/admin/plans/{id}/start-draft',
      '/admin/sections',
      '/admin/sections/{id}',
      '/admin/tags',
      '/admin/tags/{id}',
      '/admin/tags/{id}/merge',
    ]);
    type Op = { parameters?: { name: string }[]; responses: Record<string, unknown>; requestBody?: unknown };
    const op = (path: string, method: string) => (doc.paths[path] as Record<string, Op>)[method]!;
    const names = (o: Op) => (o.parameters ?? []).map((p) => p.name);
    expect(names(op('/admin/articles', 'post'))).toContain('Idempotency-Key');
    expect(names(op('/admin/articles/{id}', 'patch'))).toEqual(['id', 'If-Match']);
    expect(Object.keys(op('/admin/articles/{id}', 'patch').responses)).toEqual(expect.arrayContaining(['200', '412', '428', '422']));
    expect(Object.keys(op('/admin/articles', 'post').responses)).toContain('201');
    // Every change to a versioned resource names its version, deletes included.
    for (const [path, method] of [
      ['/admin/articles/{id}', 'delete'],
      ['/admin/pages/{id}', 'patch'],
      ['/admin/pages/{id}', 'delete'],
      ['/admin/pages/{id}/{transition}', 'post'],
      ['/admin/menus/{location}', 'put'],
      ['/admin/sections/{id}', 'patch'],
      ['/admin/tags/{id}', 'patch'],
      ['/admin/tags/{id}/merge', 'post'],
      ['/admin/media/{id}', 'patch'],
      ['/admin/media/{id}', 'delete'],
      ['/admin/comments/{id}/{action}', 'post'],
      ['/admin/plans/{id}', 'patch'],
      ['/admin/plans/{id}', 'delete'],
      ['/admin/plans/{id}/start-draft', 'post'],
      ['/admin/articles/{id}/live/updates/{updateId}', 'patch'],
      ['/admin/articles/{id}/live/updates/{updateId}', 'delete'],
    ] as const) {
      expect(names(op(path, method)), `${method} ${path}`).toContain('If-Match');
      expect(Object.keys(op(path, method).responses), `${method} ${path}`).toEqual(expect.arrayContaining(['412', '428']));
    }
    expect(names(op('/admin/pages', 'post'))).toContain('Idempotency-Key');
    expect(doc.components.schemas.AdminArticleCreate).toMatchObject({ required: ['title'], additionalProperties: false });
    expect(doc.components.schemas.AdminArticle!.properties!.status).toMatchObject({ enum: ['draft', 'in_review', 'scheduled', 'published', 'archived'] });
  });

  it('generates strict response schemas that resolve within the document', () => {
    const schemas = doc.components.schemas;
    expect(schemas.Comment).toMatchObject({ additionalProperties: false, required: expect.arrayContaining(['id', 'authorName', 'body']) });
    expect(Object.keys(schemas.Comment!.properties!)).not.toContain('authorEmail');
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const r of refs) expect(schemas).toHaveProperty(r.slice('"$ref":"#/components/schemas/'.length, -1));
  });
});
