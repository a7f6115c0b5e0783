// GET /api/v1/authors — people with a byline on a published article (name, slug, bio; never email)
import { apiPreflight } from '@/lib/api/cors';
import { listApiAuthors } from '@/lib/api/content';
import { withApiKey } from '@/lib/api/handler';
import { pageTags } from '@/lib/cache';
import { authorListResponseSchema } from '@/lib/api/schemas';
import { listAuthorsQuerySchema } from '@/lib/validation/api';

export const GET = withApiKey({ response: authorListResponseSchema, query: listAuthorsQuerySchema }, ({ query, tag }) => {
  tag(pageTags.latest, pageTags.taxonomy);
  return listApiAuthors(query);
});

// OPTIONS — CORS preflight for origins on the allow-list (/admin/api-keys)
export const OPTIONS = apiPreflight;
