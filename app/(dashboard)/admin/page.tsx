import Link from 'next/link';
import { ARTICLE_STATUS_LABEL } from '@/lib/articles/status';
import { listArticlesForDashboard } from '@/lib/articles/mutations';
import { requirePageRole } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/site';

export const metadata = { title: 'Articles' };


export default async function ArticlesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageRole('CONTRIBUTOR');
  const articles = await listArticlesForDashboard(user);
  const denied = (await searchParams).denied;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Articles</h1>
        <Link href="/admin/articles/new" className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white dark:bg-white dark:text-neutral-900">
          New article
        </Link>
      </div>
      {denied ? <p className="mt-4 rounded bg-amber-50 p-3 text-amber-900">Your role does not give access to that page.</p> : null}
      <table className="mt-6 w-full border-collapse text-left text-sm">
        <thead>
          <tr className="border-b border-black/10 dark:border-white/15">
            <th scope="col" className="py-2 pr-4">Title</th>
            <th scope="col" className="py-2 pr-4">Status</th>
            <th scope="col" className="py-2 pr-4">Section</th>
            <th scope="col" className="py-2 pr-4">Authors</th>
            <th scope="col" className="py-2">Updated</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((a) => (
            <tr key={a.id} className="border-b border-black/5 dark:border-white/10">
              <td className="py-2 pr-4">
                <Link href={`/admin/articles/${a.id}`} className="font-semibold hover:underline">
                  {a.title}
                </Link>
              </td>
              <td className="py-2 pr-4">{ARTICLE_STATUS_LABEL[a.status] ?? a.status}</td>
              <td className="py-2 pr-4">{a.section?.name ?? '—'}</td>
              <td className="py-2 pr-4">{a.authors.map((x) => x.user.name).join(', ')}</td>
              <td className="py-2">
                <time dateTime={a.updatedAt.toISOString()}>{formatDateTime(a.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {articles.length === 0 ? <p className="mt-6">No articles yet. Start with “New article”.</p> : null}
    </>
  );
}
