import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi';

describe('OpenAPI document', () => {
  const doc = buildOpenApiDocument();

  it('lists every route with the bearer scheme', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/articles', '/articles/{idOrSlug}', '/articles/{idOrSlug}/comments', '/authors', '/openapi.json', '/sections', '/tags']);
    expect(doc.components.securitySchemes.bearerKey).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('describes the list parameters from the query schema', () => {
    const list = doc.paths['/articles'] as { get: { parameters: { name: string; required: boolean; schema: Record<string, unknown> }[] } };
    const byName = Object.fromEntries(list.get.parameters.map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(['author', 'cursor', 'limit', 'published_after', 'published_before', 'q', 'section', 'tag']);
    expect(byName.limit).toMatchObject({ required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } });
  });

  it('generates strict response schemas that resolve within the document', () => {
    const schemas = doc.components.schemas;
    expect(schemas.Comment).toMatchObject({ additionalProperties: false, required: expect.arrayContaining(['id', 'authorName', 'body']) });
    expect(Object.keys(schemas.Comment!.properties!)).not.toContain('authorEmail');
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const r of refs) expect(schemas).toHaveProperty(r.slice('"$ref":"#/components/schemas/'.length, -1));
  });
});
