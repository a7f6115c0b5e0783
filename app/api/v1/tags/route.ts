// GET /api/v1/tags — tags of published articles
import { apiPreflight } from '@/lib/api/cors';
import { listApiTags } from '@/lib/api/content';
import { withApiKey } from '@/lib/api/handler';
import { pageTags } from '@/lib/cache';
import { tagListResponseSchema } from '@/lib/api/schemas';
import { listTagsQuerySchema } from '@/lib/validation/api';

export const GET = withApiKey({ response: tagListResponseSchema, query: listTagsQuerySchema }, ({ query, tag }) => {
  tag(pageTags.latest, pageTags.taxonomy);
  return listApiTags(query);
});

// OPTIONS — CORS preflight for origins on the allow-list (/admin/api-keys)
export const OPTIONS = apiPreflight;
