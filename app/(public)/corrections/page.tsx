import type { Metadata } from 'next';
import Link from 'next/link';
import { articlePath } from '@/lib/articles/urls';
import { pageTags, tagPage } from '@/lib/cache';
import { listCorrectionsColumn } from '@/lib/corrections';
import { absoluteUrl } from '@/lib/seo';
import { formatDateTime } from '@/lib/site';

// Cached and refreshed by the `corrections` tag whenever a note is added or withdrawn.
export const revalidate = 300;

export const metadata: Metadata = {
  title: 'Corrections',
  description: 'Every correction and clarification we have published, newest first.',
  alternates: { canonical: absoluteUrl('/corrections'), types: { 'application/rss+xml': absoluteUrl('/corrections/rss.xml') } },
};

/** The corrections column: corrections and clarifications on published stories, newest first. */
export default async function CorrectionsPage() {
  const notes = await listCorrectionsColumn();
  await tagPage(pageTags.corrections);
  return (
    <>
      <h1 className="font-serif text-4xl font-bold">Corrections</h1>
      <p className="mt-3 max-w-2xl text-muted">
        When we get something wrong, we correct it and say so here. Every correction and clarification, newest first. <a href="/corrections/rss.xml">Follow this page by RSS</a>.
      </p>
      {notes.length ? (
        <ol className="mt-8 space-y-6">
          {notes.map((n) => (
            <li key={n.id} id={`note-${n.id}`} className="border-b border-subtle pb-6">
              <p className="text-sm text-muted">
                <strong className="text-fg">{n.label}</strong>, <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt)}</time>
              </p>
              <h2 className="mt-1 font-serif text-xl font-bold">
                <Link href={articlePath(n.article.slug)} className="hover:underline">
                  {n.article.title}
                </Link>
              </h2>
              <p className="mt-1">{n.note}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-8">No corrections have been published.</p>
      )}
    </>
  );
}
