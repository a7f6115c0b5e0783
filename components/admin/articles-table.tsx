'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ActionState } from '@/lib/actions';
import type { BulkArticlesInput } from '@/lib/validation/articles';

export type ArticleRow = { id: string; title: string; status: string; section: string; authors: string; updated: string; updatedIso: string };
type Outcome = { id: string; ok: boolean; message?: string };

/** Articles per server call: small enough that progress moves and no request runs long. */
const CHUNK = 10;

const selectClass = 'mt-1 block rounded border border-black/30 bg-white px-2 py-1 dark:border-white/30 dark:bg-neutral-900';

/**
 * The articles table with checkboxes and the bulk actions. A bulk action runs in chunks, one
 * server call each, so progress shows as it goes ("Archived 20 of 45…") and every article
 * that could not be changed is listed with the reason.
 */
export function ArticlesTable({
  articles,
  sections,
  action,
}: {
  articles: ArticleRow[];
  sections: { id: string; name: string }[];
  action: (input: BulkArticlesInput) => Promise<ActionState<{ results: Outcome[] }>>;
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [op, setOp] = useState<'archive' | 'move'>('archive');
  const [sectionId, setSectionId] = useState('');
  const [progress, setProgress] = useState<{ processed: number; changed: number; total: number; running: boolean } | null>(null);
  const [failures, setFailures] = useState<{ title: string; message: string }[]>([]);
  const [error, setError] = useState<string | null>(null);

  const allChecked = articles.length > 0 && articles.every((a) => selected.has(a.id));
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = () => setSelected(allChecked ? new Set() : new Set(articles.map((a) => a.id)));

  const verb = op === 'archive' ? 'Archived' : 'Moved';

  async function run() {
    const ids = articles.filter((a) => selected.has(a.id)).map((a) => a.id);
    if (!ids.length) return setError('Select at least one article first.');
    setError(null);
    setFailures([]);
    setProgress({ processed: 0, changed: 0, total: ids.length, running: true });
    const titles = new Map(articles.map((a) => [a.id, a.title]));
    const failed: { title: string; message: string }[] = [];
    let processed = 0;
    let changed = 0;
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      let result: ActionState<{ results: Outcome[] }>;
      try {
        result = await action(op === 'archive' ? { op, ids: chunk } : { op, ids: chunk, sectionId });
      } catch {
        result = { ok: false, message: 'The server could not be reached. Check your connection and run the action again for the rest.' };
      }
      if (!result.ok || !result.data) {
        for (const id of ids.slice(i)) failed.push({ title: titles.get(id) ?? id, message: result.message ?? 'Not changed.' });
        break;
      }
      for (const r of result.data.results) {
        if (r.ok) changed++;
        else failed.push({ title: titles.get(r.id) ?? r.id, message: r.message ?? 'Not changed.' });
      }
      processed += chunk.length;
      setProgress({ processed, changed, total: ids.length, running: true });
    }
    setProgress({ processed: ids.length, changed, total: ids.length, running: false });
    setFailures(failed);
    setSelected(new Set(failed.length ? ids.filter((id) => failed.some((f) => f.title === titles.get(id))) : []));
    router.refresh();
  }

  const running = !!progress?.running;
  return (
    <>
      {articles.length || running ? (
        <fieldset className="mt-4 flex flex-wrap items-end gap-4 rounded border border-black/15 p-3 text-sm dark:border-white/20">
          <legend className="px-1 font-semibold">Bulk actions ({selected.size} selected)</legend>
          <div>
            <label htmlFor="bulk-op" className="font-semibold">
              Action
            </label>
            <select id="bulk-op" value={op} onChange={(e) => setOp(e.target.value as 'archive' | 'move')} className={selectClass}>
              <option value="archive">Archive</option>
              <option value="move">Move to section</option>
            </select>
          </div>
          {op === 'move' ? (
            <div>
              <label htmlFor="bulk-section" className="font-semibold">
                Move to
              </label>
              <select id="bulk-section" value={sectionId} onChange={(e) => setSectionId(e.target.value)} className={selectClass}>
                <option value="">No section</option>
                {sections.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <button type="button" onClick={() => void run()} disabled={running || selected.size === 0} className="rounded bg-neutral-900 px-4 py-1.5 font-semibold text-white disabled:opacity-60 dark:bg-white dark:text-neutral-900">
            {op === 'archive' ? 'Archive selected' : 'Move selected'}
          </button>
        </fieldset>
      ) : null}
      <div aria-live="polite" className="mt-2 text-sm">
        {error ? <p role="alert" className="rounded bg-red-50 p-2 text-red-900">{error}</p> : null}
        {progress ? (
          <div role="status">
            <progress max={progress.total} value={progress.processed} aria-label="Bulk action progress" className="mr-2 align-middle" />
            {progress.running ? `${verb} ${progress.changed} of ${progress.total}…` : `${verb} ${progress.changed} of ${progress.total}.`}
            {!progress.running && failures.length ? ` ${failures.length} could not be changed (still selected):` : ''}
          </div>
        ) : null}
        {failures.length && !running ? (
          <ul aria-label="Articles not changed" className="mt-1 list-disc pl-6 text-red-900 dark:text-red-300">
            {failures.map((f, i) => (
              <li key={i}>
                <strong>{f.title}</strong>: {f.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {articles.length ? (
        <table className="mt-4 w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-black/10 dark:border-white/15">
              <th scope="col" className="py-2 pr-2">
                <input type="checkbox" checked={allChecked} onChange={toggleAll} aria-label="Select all articles on this page" />
              </th>
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
                <td className="py-2 pr-2">
                  <input type="checkbox" checked={selected.has(a.id)} onChange={() => toggle(a.id)} aria-label={`Select “${a.title}”`} />
                </td>
                <td className="py-2 pr-4">
                  <Link href={`/admin/articles/${a.id}`} className="font-semibold hover:underline">
                    {a.title}
                  </Link>
                </td>
                <td className="py-2 pr-4">{a.status}</td>
                <td className="py-2 pr-4">{a.section}</td>
                <td className="py-2 pr-4">{a.authors}</td>
                <td className="py-2">
                  <time dateTime={a.updatedIso}>{a.updated}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
