// GET /api/dashboard/search?q= — articles by title for the dashboard's command palette; any staff
// role, scoped as the articles list (writers find only their own). Returns { articles: [{ id, title, status }] }.
// A route handler rather than a server action: type-ahead requests run side by side and can be abandoned.
import { z } from 'zod';
import { errorResponse } from '@/lib/api/handler';
import { findDashboardArticles } from '@/lib/articles/dashboard';
import { requireRole } from '@/lib/auth/session';

const querySchema = z.object({ q: z.string().trim().max(100, 'Search with at most 100 characters.') });

export async function GET(request: Request) {
  try {
    const user = await requireRole('CONTRIBUTOR');
    const { q } = querySchema.parse({ q: new URL(request.url).searchParams.get('q') ?? '' });
    const articles = await findDashboardArticles(user, q);
    return Response.json({ articles }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return errorResponse(e);
  }
}
