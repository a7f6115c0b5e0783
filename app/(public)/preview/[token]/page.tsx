import type { Metadata } from 'next';
import { connection } from 'next/server';
import { z } from 'zod';
import { ArticleHeader, ArticleTags } from '@/components/articles/article-header';
import { interleaveAds } from '@/lib/ads/placement';
import { bodyDocSchema, renderDocBlocks } from '@/lib/articles/body';
import { getArticleForPreview, type PreviewArticle } from '@/lib/articles/preview';
import { ARTICLE_STATUS_LABEL } from '@/lib/articles/status';
import { formatDateTime } from '@/lib/site';

// GET /preview/<token> — a draft as readers will see it, for anyone holding a signed, unexpired link.

type Props = { params: Promise<{ token: string }> };

// Never indexed, never cached, never sending the secret link on to other sites.
export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false, nocache: true }, referrer: 'no-referrer' };

const tokenSchema = z.string().max(200);

/** The token as sent; a broken %-escape (a link cut short when pasted) is simply not a valid token. */
function decodeToken(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

const REFUSED = {
  invalid: { heading: 'This preview link is not valid', text: 'The link may have been copied incompletely. Ask the person who shared it for a new preview link.' },
  expired: { heading: 'This preview link has expired', text: 'Preview links work for a limited time. Ask the person who shared it to copy a new preview link from the editor.' },
  gone: { heading: 'This article no longer exists', text: 'It may have been deleted after the link was shared.' },
} as const;

function bodyBlocks(article: PreviewArticle): string[] {
  const doc = bodyDocSchema.safeParse(article.bodyJson);
  return doc.success ? renderDocBlocks(doc.data) : [article.bodyHtml];
}

export default async function PreviewPage({ params }: Props) {
  // A preview shows the draft as saved at this moment: always rendered per request.
  await connection();
  const token = tokenSchema.safeParse(decodeToken((await params).token));
  const result = token.success ? await getArticleForPreview(token.data) : ({ ok: false, reason: 'invalid' } as const);
  if (!result.ok) {
    const r = REFUSED[result.reason];
    return (
      <div className="mx-auto max-w-xl py-12">
        <h1 className="font-serif text-3xl font-bold">{r.heading}</h1>
        <p className="mt-4">{r.text}</p>
      </div>
    );
  }
  const { article, expiresAt } = result;
  return (
    <>
      <p role="note" className="mb-6 rounded border-2 border-warning bg-warning-soft p-3 font-semibold text-warning">
        Preview — not published. Status: {ARTICLE_STATUS_LABEL[article.status] ?? article.status}. This link works until {formatDateTime(expiresAt)}.
      </p>
      <div className="grid gap-12 lg:grid-cols-3">
        <article className="lg:col-span-2">
          <ArticleHeader article={article} />
          <div className="mt-8">
            {/* The same runs of body text as the article page, without its ads. */}
            {interleaveAds(bodyBlocks(article), []).map((segment, i) => (segment.kind === 'html' ? <div key={i} className="article-body" dangerouslySetInnerHTML={{ __html: segment.html }} /> : null))}
          </div>
          <ArticleTags tags={article.tags} />
        </article>
      </div>
    </>
  );
}
