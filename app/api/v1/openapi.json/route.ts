// GET /api/v1/openapi.json — the OpenAPI 3.1 document of the content API (no key needed)
import { cachedJson, PUBLIC_CACHE_CONTROL } from '@/lib/api/handler';
import { buildOpenApiDocument } from '@/lib/api/openapi';

// Built once per server: it depends only on the code, not on any request or data.
const document = buildOpenApiDocument();

export function GET(request: Request) {
  return cachedJson(request, document, PUBLIC_CACHE_CONTROL);
}
