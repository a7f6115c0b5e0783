import 'server-only';
import { keyset, paginate } from '@/lib/api/content';
import type { BodyNode } from '@/lib/api/schemas';
import { orderByOf } from '@/lib/api/cursor';
import { publishedOnly } from '@/lib/articles/access';
import { bodyDocSchema } from '@/lib/articles/body';
import { pagePath } from '@/lib/articles/urls';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { LIST_ORDERS, type PageQuery } from '@/lib/validation/api';

// Static pages in the content API (/api/v1/pages): published pages only, never drafts.

const summarySelect = { id: true, slug: true, title: true, standfirst: true, publishedAt: true, updatedAt: true } as const;
type SummaryRow = { id: string; slug: string; title: string; standfirst: string; publishedAt: Date | null; updatedAt: Date };

const toSummary = (p: SummaryRow) => ({
  id: p.id,
  slug: p.slug,
  title: p.title,
  standfirst: p.standfirst,
  url: pagePath(p.slug),
  publishedAt: (p.publishedAt ?? p.updatedAt).toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

/** Published pages by title, a cursor page at a time. */
export async function listApiPages(query: PageQuery = { limit: 100, order: LIST_ORDERS.pages }, now = new Date()) {
  const rows = await db.page.findMany({ where: { AND: [publishedOnly(now), keyset(query.order, query.after)] }, orderBy: orderByOf(query.order), take: query.limit + 1, select: summarySelect });
  const { page, meta } = paginate(rows, query.limit, query.order);
  return { data: page.map(toSummary), meta };
}

/** One published page by slug, its body as sanitised HTML and structured JSON. */
export async function getApiPage(slug: string, now = new Date()) {
  const row = await db.page.findFirst({ where: { slug, ...publishedOnly(now) }, select: { ...summarySelect, seoTitle: true, seoDescription: true, bodyHtml: true, bodyJson: true } });
  if (!row) throw new AppError('not_found', 'No published page has this slug.');
  const doc = bodyDocSchema.safeParse(row.bodyJson);
  return {
    data: {
      ...toSummary(row),
      seoTitle: row.seoTitle,
      seoDescription: row.seoDescription,
      body: { html: row.bodyHtml, json: { type: 'doc' as const, content: (doc.success ? doc.data.content : []) as BodyNode[] } },
    },
  };
}
