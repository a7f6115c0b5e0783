// POST /api/graphql — the GraphQL content API (read only), with a content key
// GET /api/graphql — the same, for persisted-query hashes (extensions) or short queries
import { apiPreflightFor } from '@/lib/api/cors';
import { handleGraphQL } from '@/lib/graphql/http';

export const GET = handleGraphQL;
export const POST = handleGraphQL;

// OPTIONS — CORS preflight for origins on the allow-list (/admin/api-keys)
export const OPTIONS = apiPreflightFor('GET, POST');
