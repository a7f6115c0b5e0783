'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DataTable, type Column, type TableSort } from '@/components/ui/data-table';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import type { ActionState } from '@/lib/actions';
import type { BulkArticlesInput } from '@/lib/validation/articles';
import { ArticleStatusBadge } from './article-status-badge';

export type ArticleRow = {
  id: string;
  title: string;
  status: string;
  section: string;
  authors: string;
  updated: string;
  updatedIso: string;
  published: string | null;
  publishedIso: string | null;
};
type Outcome = { id: string; ok: boolean; message?: string };

/** Articles per server call: small enough that progress moves and no request runs long. */
const CHUNK = 10;

const COLUMNS: Column<ArticleRow>[] = [
  {
    key: 'title',
    header: 'Title',
    rowHeader: true,
    cell: (a) => (
      <Link href={`/admin/articles/${a.id}`} className="hover:underline">
        {a.title}
      </Link>
    ),
  },
  { key: 'status', header: 'Status', cell: (a) => <ArticleStatusBadge status={a.status} /> },
  { key: 'section', header: 'Section', cell: (a) => a.section },
  { key: 'authors', header: 'Authors', cell: (a) => a.authors },
  { key: 'updated', header: 'Updated', className: 'whitespace-nowrap', cell: (a) => <time dateTime={a.updatedIso}>{a.updated}</time> },
  {
    key: 'published',
    header: 'Published',
    className: 'whitespace-nowrap',
    cell: (a) => (a.publishedIso ? <time dateTime={a.publishedIso}>{a.published}</time> : <span className="text-muted">—</span>),
  },
];

/**
 * The articles table with checkboxes and the bulk actions. A bulk action runs in chunks, one
 * server call each, so progress shows as it goes ("Archived 20 of 45…") and every article
 * that could not be changed is listed with the reason.
 */
export function ArticlesTable({
  articles,
  sections,
  sort,
  action,
}: {
  articles: ArticleRow[];
  sections: { id: string; name: string }[];
  sort: TableSort;
  action: (input: BulkArticlesInput) => Promise<ActionState<{ results: Outcome[] }>>;
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [op, setOp] = useState<'archive' | 'move'>('archive');
  const [sectionId, setSectionId] = useState('');
  const [progress, setProgress] = useState<{ processed: number; changed: number; total: number; running: boolean } | null>(null);
  const [failures, setFailures] = useState<{ id: string; title: string; message: string }[]>([]);
  const [error, setError] = useState<string | null>(null);

  const verb = op === 'archive' ? 'Archived' : 'Moved';
  const shown = articles.filter((a) => selected.has(a.id)).length;

  async function run() {
    const ids = articles.filter((a) => selected.has(a.id)).map((a) => a.id);
    if (!ids.length) return setError('Select at least one article first.');
    setError(null);
    setFailures([]);
    setProgress({ processed: 0, changed: 0, total: ids.length, running: true });
    const titles = new Map(articles.map((a) => [a.id, a.title]));
    const failed: { id: string; title: string; message: string }[] = [];
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
        for (const id of ids.slice(i)) failed.push({ id, title: titles.get(id) ?? id, message: result.message ?? 'Not changed.' });
        break;
      }
      for (const r of result.data.results) {
        if (r.ok) changed++;
        else failed.push({ id: r.id, title: titles.get(r.id) ?? r.id, message: r.message ?? 'Not changed.' });
      }
      processed += chunk.length;
      setProgress({ processed, changed, total: ids.length, running: true });
    }
    setProgress({ processed: ids.length, changed, total: ids.length, running: false });
    setFailures(failed);
    setSelected(new Set(failed.map((f) => f.id)));
    router.refresh();
  }

  const running = !!progress?.running;
  return (
    <>
      {articles.length || running ? (
        <fieldset className="mt-4 flex flex-wrap items-end gap-3 rounded-lg border border-subtle bg-surface p-3 text-sm">
          <legend className="px-1 font-semibold">Bulk actions ({shown} selected)</legend>
          <Field id="bulk-op" label="Action">
            {(p) => (
              <Select
                {...p}
                compact
                fit
                value={op}
                onChange={(e) => setOp(e.target.value as 'archive' | 'move')}
                options={[
                  { value: 'archive', label: 'Archive' },
                  { value: 'move', label: 'Move to section' },
                ]}
              />
            )}
          </Field>
          {op === 'move' ? (
            <Field id="bulk-section" label="Move to">
              {(p) => (
                <Select
                  {...p}
                  compact
                  fit
                  value={sectionId}
                  onChange={(e) => setSectionId(e.target.value)}
                  options={[{ value: '', label: 'No section' }, ...sections.map((s) => ({ value: s.id, label: s.name }))]}
                />
              )}
            </Field>
          ) : null}
          <Button variant="primary" size="sm" onClick={() => void run()} disabled={running || shown === 0}>
            {op === 'archive' ? 'Archive selected' : 'Move selected'}
          </Button>
        </fieldset>
      ) : null}
      <div aria-live="polite" className="mt-2 space-y-2 text-sm">
        {error ? <Alert tone="danger">{error}</Alert> : null}
        {progress ? (
          <div role="status" className="flex items-center gap-2">
            <progress max={progress.total} value={progress.processed} aria-label="Bulk action progress" className="accent-primary" />
            {progress.running ? `${verb} ${progress.changed} of ${progress.total}…` : `${verb} ${progress.changed} of ${progress.total}.`}
          </div>
        ) : null}
        {failures.length && !running ? (
          <ul aria-label="Articles not changed" className="list-disc pl-6 text-danger">
            {failures.map((f) => (
              <li key={f.id}>
                <strong>{f.title}</strong>: {f.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {articles.length ? (
        <DataTable
          className="mt-3"
          caption="Articles"
          columns={COLUMNS}
          rows={articles}
          rowKey={(a) => a.id}
          sort={sort}
          selection={{ selected, onChange: setSelected, label: (a) => `Select “${a.title}”`, allLabel: 'Select all articles on this page', disabled: running }}
        />
      ) : null}
    </>
  );
}
