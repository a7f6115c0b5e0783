import { ArticleList, StoryCard } from '@/components/articles/article-list';
import { listLatestArticles } from '@/lib/articles/queries';
import { articleTags, pageTags, tagPage } from '@/lib/cache';
import { site } from '@/lib/site';

// Cached and refreshed by tag when a story is published, changed or withdrawn; at most a minute old otherwise.
export const revalidate = 60;

export default async function HomePage() {
  const articles = await listLatestArticles({ take: 13 });
  await tagPage(pageTags.front, pageTags.latest, ...articleTags(articles));
  const [lead, ...rest] = articles;
  return (
    <>
      <h1 className="sr-only">{site.name}: the latest news</h1>
      {lead ? (
        <div className="grid gap-10 lg:grid-cols-3">
          <div className="lg:col-span-2">
            <StoryCard article={lead} lead />
            <div className="mt-10 grid gap-8 sm:grid-cols-2">
              {rest.slice(0, 6).map((a) => (
                <StoryCard key={a.id} article={a} />
              ))}
            </div>
          </div>
          <aside>
            <ArticleList title="Latest news" articles={rest.slice(6)} />
          </aside>
        </div>
      ) : (
        <p>No stories have been published yet.</p>
      )}
    </>
  );
}
