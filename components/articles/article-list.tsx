import Link from 'next/link';
import type { ArticleCard } from '@/lib/articles/queries';
import { articlePath } from '@/lib/articles/urls';
import { formatDateTime } from '@/lib/site';

/** "3 comments" beside a card's date, linking to the thread; nothing when there are none. */
function CommentCount({ article }: { article: ArticleCard }) {
  if (!article.commentCount) return null;
  return (
    <>
      {' · '}
      <Link
        href={`${articlePath(article.slug)}#comments-heading`}
        className="hover:underline"
        aria-label={`${article.commentCount} ${article.commentCount === 1 ? 'comment' : 'comments'} on ${article.title}`}
      >
        {article.commentCount} {article.commentCount === 1 ? 'comment' : 'comments'}
      </Link>
    </>
  );
}

/** A titled block of article links ("Latest news", "Related news"). */
export function ArticleList({ title, articles, headingLevel = 2 }: { title: string; articles: ArticleCard[]; headingLevel?: 2 | 3 }) {
  if (!articles.length) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const id = `list-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="mt-10">
      <Heading id={id} className="border-b-2 border-accent pb-1 text-lg font-bold uppercase tracking-wide">
        {title}
      </Heading>
      <ul className="mt-3 divide-y divide-subtle">
        {articles.map((a) => (
          <li key={a.id} className="py-3">
            <Link href={articlePath(a.slug)} className="font-serif text-lg font-semibold hover:underline">
              {a.title}
            </Link>
            <p className="mt-1 text-xs text-muted">
              {a.section ? `${a.section.name} · ` : ''}
              <time dateTime={a.publishedAt.toISOString()}>{formatDateTime(a.publishedAt)}</time>
              <CommentCount article={a} />
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A story with its standfirst, for fronts. */
export function StoryCard({ article, lead = false, headingLevel = 2 }: { article: ArticleCard; lead?: boolean; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article>
      {article.section ? <p className="text-xs font-bold uppercase tracking-wide text-accent">{article.section.name}</p> : null}
      <Heading className={lead ? 'mt-1 font-serif text-3xl font-bold leading-tight sm:text-4xl' : 'mt-1 font-serif text-xl font-bold leading-snug'}>
        <Link href={articlePath(article.slug)} className="hover:underline">
          {article.title}
        </Link>
      </Heading>
      <p className={lead ? 'mt-3 text-lg text-muted' : 'mt-2 text-muted'}>{article.standfirst}</p>
      <p className="mt-2 text-xs text-muted">
        {article.authors.length ? `By ${article.authors.map((a) => a.name).join(' and ')} · ` : ''}
        <time dateTime={article.publishedAt.toISOString()}>{formatDateTime(article.publishedAt)}</time>
        <CommentCount article={article} />
      </p>
    </article>
  );
}
