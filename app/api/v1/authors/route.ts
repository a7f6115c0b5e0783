// GET /api/v1/authors — people with a byline on a published article (name, slug, bio; never email)
import { listApiAuthors } from '@/lib/api/content';
import { withApiKey } from '@/lib/api/handler';
import { authorListResponseSchema } from '@/lib/api/schemas';
import { noQuerySchema } from '@/lib/validation/api';

export const GET = withApiKey({ response: authorListResponseSchema, query: noQuerySchema }, () => listApiAuthors());
