import 'server-only';
import { articlePath } from '@/lib/articles/urls';
import { pathTag } from '@/lib/cache';
import { tagMemo } from '@/lib/cache/memo';
import { db } from '@/lib/db';

/** An archived article, for the 410 page that sends its readers onward. */
export async function getArchivedArticleBySlug(slug: string) {
  return db.article.findFirst({ where: { slug, status: 'ARCHIVED' }, select: { id: true, title: true, section: { select: { name: true, slug: true } } } });
}

export type ArticlePathState = { kind: 'article' } | { kind: 'gone' } | { kind: 'moved'; to: string } | { kind: 'missing' };

/**
 * What /articles/<slug> should answer before rendering (proxy.ts): an archived article is
 * gone (410), an old slug has moved (301). One indexed lookup for a live article; a
 * second only for a slug no article has.
 */
export async function getArticlePathState(slug: string): Promise<ArticlePathState> {
  // Remembered until the URL's cache tag is invalidated (publish, archive, slug change: lib/cache),
  // so the proxy answers cached article pages without a database round trip.
  return rememberedState(slug, () => lookUpArticlePathState(slug));
}

const rememberedState = tagMemo<string, ArticlePathState>({ tags: (slug) => [pathTag(articlePath(slug))], max: 20_000 });

async function lookUpArticlePathState(slug: string): Promise<ArticlePathState> {
  const article = await db.article.findUnique({ where: { slug }, select: { status: true } });
  if (article) return { kind: article.status === 'ARCHIVED' ? 'gone' : 'article' };
  const redirect = await db.redirect.findUnique({ where: { fromPath: articlePath(slug) }, select: { toPath: true } });
  return redirect ? { kind: 'moved', to: redirect.toPath } : { kind: 'missing' };
}
