import { describe, expect, it } from 'vitest';
import { buildApiReference } from './reference';

describe('API reference', () => {
  const ref = buildApiReference();
  const op = (id: string) => ref.operations.find((o) => o.id === id)!;

  it('lists every operation of the OpenAPI document with its parameters', () => {
    expect(op('createArticle')).toMatchObject({ method: 'POST', path: '/api/v1/admin/articles' });
    expect(op('updateArticle').fields.map((f) => f.name)).toContain('data.version');
    expect(ref.operations.filter((o) => !o.path.includes('/admin/')).map((o) => o.path)).toEqual([
      '/api/v1/articles',
      '/api/v1/articles/{idOrSlug}',
      '/api/v1/articles/{idOrSlug}/comments',
      '/api/v1/articles/{idOrSlug}/updates',
      '/api/v1/alerts/current',
      '/api/v1/sections',
      '/api/v1/tags',
      '/api/v1/pages',
      '/api/v1/pages/{slug}',
      '/api/v1/authors',
      '/api/v1/openapi.json',
    ]);
    const limit = op('listArticles').parameters.find((p) => p.name === 'limit')!;
    expect(limit).toMatchObject({ in: 'query', required: false, type: 'integer', default: '20' });
    expect(op('getArticle').parameters.find((p) => p.name === 'idOrSlug')).toMatchObject({ in: 'path', required: true });
    expect(op('getOpenApiDocument').keyRequired).toBe(false);
    expect(op('listArticles').keyRequired).toBe(true);
  });

  it('flattens response fields, nested ones with their path, without expanding the body tree forever', () => {
    const names = op('getArticle').fields.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['data', 'data.id', 'data.title', 'data.section.slug', 'data.tags[].name', 'data.authors[].bio', 'data.body.html', 'data.body.json.content']));
    expect(op('getArticle').fields.find((f) => f.name === 'data.id')).toMatchObject({ type: 'string', required: true });
    expect(op('getArticle').fields.find((f) => f.name === 'data.body.json.content')!.type).toBe('BodyNode[]');
    expect(op('listArticles').fields.map((f) => f.name)).toContain('meta.next');
    expect(op('listArticleComments').fields.map((f) => f.name)).not.toContain('data[].authorEmail');
  });
});
