import { bodyDocSchema, renderDocBlocks } from '@/lib/articles/body';
import { getBodyImages } from '@/lib/media';

export type StaticPageContent = { title: string; standfirst: string; bodyJson: unknown; bodyHtml: string };

/** A static page's title, standfirst and body (sanitised on the server by renderDocBlocks): the public page and its staff preview. */
export async function StaticPage({ page }: { page: StaticPageContent }) {
  const doc = bodyDocSchema.safeParse(page.bodyJson);
  const blocks = doc.success ? renderDocBlocks(doc.data, await getBodyImages(doc.data)) : [page.bodyHtml];
  return (
    <article className="mx-auto max-w-3xl">
      <h1 className="font-serif text-4xl font-bold tracking-tight">{page.title}</h1>
      {page.standfirst ? <p className="mt-3 text-xl text-muted">{page.standfirst}</p> : null}
      <div className="article-body mt-8" dangerouslySetInnerHTML={{ __html: blocks.join('') }} />
    </article>
  );
}
