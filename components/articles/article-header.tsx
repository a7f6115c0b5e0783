import Link from 'next/link';
import { authorPath, sectionPath, tagPath } from '@/lib/articles/urls';
import { formatDateTime } from '@/lib/site';

/** "A", "A and B", "A, B and C": the byline's separators. */
export function bylineSeparator(i: number, count: number): string {
  return i === 0 ? '' : i === count - 1 ? ' and ' : ', ';
}

/** The article page's header (section, headline, standfirst, byline, dates); shared by the public page and draft previews. */
export function ArticleHeader({
  article,
  children,
}: {
  article: { title: string; standfirst: string; section: { name: string; slug: string } | null; authors: { name: string; slug: string }[]; publishedAt: Date | null; updatedAt: Date };
  /** Shown last in the header: the hero image. */
  children?: React.ReactNode;
}) {
  const edited = article.publishedAt ? article.updatedAt.getTime() - article.publishedAt.getTime() > 60_000 : false;
  return (
    <header>
      {article.section ? (
        <p className="text-sm font-bold uppercase tracking-wide text-accent">
          <Link href={sectionPath(article.section.slug)}>{article.section.name}</Link>
        </p>
      ) : null}
      <h1 className="mt-2 font-serif text-3xl font-bold leading-tight sm:text-5xl">{article.title}</h1>
      {article.standfirst ? <p className="mt-4 text-xl text-muted">{article.standfirst}</p> : null}
      <div className="mt-6 border-y border-subtle py-3 text-sm">
        {article.authors.length ? (
          <p className="font-semibold">
            By{' '}
            {article.authors.map((a, i) => (
              <span key={a.slug}>
                {bylineSeparator(i, article.authors.length)}
                <Link href={authorPath(a.slug)} className="hover:underline">
                  {a.name}
                </Link>
              </span>
            ))}
          </p>
        ) : null}
        <p className="text-muted">
          {article.publishedAt ? <time dateTime={article.publishedAt.toISOString()}>{formatDateTime(article.publishedAt)}</time> : 'Not yet published'}
          {edited ? (
            <>
              {' · Updated '}
              <time dateTime={article.updatedAt.toISOString()}>{formatDateTime(article.updatedAt)}</time>
            </>
          ) : null}
        </p>
      </div>
      {children}
    </header>
  );
}

/** The tag links under an article. */
export function ArticleTags({ tags }: { tags: { id: string; name: string; slug: string }[] }) {
  if (!tags.length) return null;
  return (
    <ul aria-label="Tags" className="mt-8 flex flex-wrap gap-2 text-sm">
      {tags.map((t) => (
        <li key={t.id}>
          <Link href={tagPath(t.slug)} className="rounded-full border border-subtle px-3 py-1 hover:bg-surface-muted">
            {t.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
