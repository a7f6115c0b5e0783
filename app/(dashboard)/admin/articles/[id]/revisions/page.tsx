import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ArticleAccessRefused } from '@/components/admin/article-access-refused';
import { RestoreRevisionButton } from '@/components/admin/restore-revision-button';
import type { DiffPart } from '@/lib/articles/diff';
import { compareRevisions, listRevisions } from '@/lib/articles/revisions';
import { requirePageRole } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/site';
import { restoreRevisionAction } from '../../actions';

export const metadata = { title: 'Revisions' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const idParam = z.string().min(1).max(40).optional().catch(undefined);

function Parts({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'added' ? (
          <ins key={i} className="bg-green-100 text-green-950 no-underline dark:bg-green-900 dark:text-green-50">
            {p.text}
          </ins>
        ) : p.kind === 'removed' ? (
          <del key={i} className="bg-red-100 text-red-950 dark:bg-red-900 dark:text-red-50">
            {p.text}
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

export default async function RevisionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePageRole('CONTRIBUTOR', `/admin/articles/${id}/revisions`);
  const listed = await listRevisions(id, user).catch((e: unknown) => {
    // A missing or someone else's article gets the not-found page or a plain refusal, not the generic error page.
    if (e instanceof AppError && (e.code === 'forbidden' || e.code === 'not_found')) return e;
    throw e;
  });
  if (listed instanceof AppError) {
    if (listed.code === 'not_found') notFound();
    return <ArticleAccessRefused reason={listed.message} />;
  }
  const { article, revisions } = listed;
  const sp = await searchParams;
  const fromId = idParam.parse(sp.from) ?? revisions[1]?.id;
  const toId = idParam.parse(sp.to) ?? revisions[0]?.id;
  const comparison = fromId && toId && fromId !== toId ? await compareRevisions(id, fromId, toId, user) : null;

  return (
    <>
      <p className="text-sm">
        <Link href={`/admin/articles/${article.id}`} className="underline">
          Back to the editor
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Revisions of “{article.title}”</h1>

      <table className="mt-6 w-full border-collapse text-left text-sm">
        <thead>
          <tr className="border-b border-black/10 dark:border-white/15">
            <th scope="col" className="py-2 pr-4">Version</th>
            <th scope="col" className="py-2 pr-4">Saved by</th>
            <th scope="col" className="py-2 pr-4">When</th>
            <th scope="col" className="py-2 pr-4">Status</th>
            <th scope="col" className="py-2">Action</th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.id} className="border-b border-black/5 dark:border-white/10">
              <td className="py-2 pr-4">
                {r.version}
                {r.version === article.version ? ' (current)' : ''}
              </td>
              <td className="py-2 pr-4">{r.author?.name ?? 'System'}</td>
              <td className="py-2 pr-4">
                <time dateTime={r.createdAt.toISOString()}>{formatDateTime(r.createdAt)}</time>
              </td>
              <td className="py-2 pr-4">{r.status.toLowerCase().replace('_', ' ')}</td>
              <td className="py-2">
                {r.version !== article.version ? (
                  <RestoreRevisionButton articleId={article.id} revisionId={r.id} revisionVersion={r.version} currentVersion={article.version} action={restoreRevisionAction} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {revisions.length > 1 ? (
        <form method="get" className="mt-8 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="compare-from" className="block text-sm font-semibold">
              From
            </label>
            <select id="compare-from" name="from" defaultValue={fromId} className="mt-1 rounded border border-black/30 bg-white px-2 py-1 text-neutral-900">
              {revisions.map((r) => (
                <option key={r.id} value={r.id}>
                  Version {r.version}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="compare-to" className="block text-sm font-semibold">
              To
            </label>
            <select id="compare-to" name="to" defaultValue={toId} className="mt-1 rounded border border-black/30 bg-white px-2 py-1 text-neutral-900">
              {revisions.map((r) => (
                <option key={r.id} value={r.id}>
                  Version {r.version}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded bg-neutral-900 px-4 py-1.5 font-semibold text-white dark:bg-white dark:text-neutral-900">
            Compare
          </button>
        </form>
      ) : (
        <p className="mt-6">Only one version so far: save again to compare changes.</p>
      )}

      {comparison ? (
        <section aria-labelledby="diff-heading" className="mt-6 rounded border border-black/10 bg-white p-4 dark:border-white/15 dark:bg-neutral-900">
          <h2 id="diff-heading" className="text-lg font-semibold">
            Changes from version {comparison.from.version} to version {comparison.to.version}
          </h2>
          <p className="mt-1 text-xs">Removed text is struck through; added text is underlined in green.</p>
          <h3 className="mt-4 text-sm font-semibold uppercase">Title</h3>
          <p className="font-serif text-xl">
            <Parts parts={comparison.title} />
          </p>
          <h3 className="mt-4 text-sm font-semibold uppercase">Standfirst</h3>
          <p>
            <Parts parts={comparison.standfirst} />
          </p>
          <h3 className="mt-4 text-sm font-semibold uppercase">Body</h3>
          <div className="space-y-3 font-serif">
            {comparison.body.map((parts, i) => (
              <p key={i}>
                <Parts parts={parts} />
              </p>
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}
