import Link from 'next/link';
import type { ReactNode } from 'react';
import { cn } from './cn';
import { selectionSummary, toggleAll, toggleOne } from './selection';

export type SortDirection = 'ascending' | 'descending';

export type Column<T> = {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** The cell that names the row: rendered as <th scope="row">. */
  rowHeader?: boolean;
  /** The header is read by screen readers only (an actions column). */
  hideHeader?: boolean;
  className?: string;
};

/** Sorting done by the server through the URL: which column is sorted, and each sortable column's link. */
export type TableSort = { key: string; direction: SortDirection; links: Record<string, string> };

/** Row selection, for a table inside a client component. */
export type TableSelection<T> = {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  /** The name of a row's box, e.g. "Select “Pier reopens”". */
  label: (row: T) => string;
  /** The name of the select-all box. */
  allLabel: string;
  disabled?: boolean;
};

const cellClass = 'px-3 py-2 align-top';

function SortMark({ direction }: { direction?: SortDirection }) {
  return (
    <span aria-hidden className={direction ? 'text-fg' : 'text-muted'}>
      {direction === 'ascending' ? '↑' : direction === 'descending' ? '↓' : '↕'}
    </span>
  );
}

/**
 * A data table: caption (screen readers only unless `showCaption`), headers with aria-sort and
 * sort links, an empty state instead of an empty table, and optional row selection with a
 * select-all box. Renders on the server; selection needs a client component around it.
 */
export function DataTable<T>({
  caption,
  showCaption = false,
  columns,
  rows,
  rowKey,
  empty,
  sort,
  selection,
  rowAttributes,
  className,
}: {
  caption: string;
  showCaption?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Shown instead of the table when there are no rows; without it an empty table shows. */
  empty?: ReactNode;
  sort?: TableSort;
  selection?: TableSelection<T>;
  rowAttributes?: (row: T) => Record<string, string>;
  className?: string;
}) {
  if (!rows.length && empty !== undefined) return <div className={cn('rounded-lg border border-dashed border-subtle p-6 text-center text-sm text-muted', className)}>{empty}</div>;
  const ids = rows.map(rowKey);
  const summary = selection ? selectionSummary(ids, selection.selected) : null;
  return (
    <div className={cn('overflow-x-auto rounded-lg border border-subtle bg-surface', className)}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className={showCaption ? 'px-3 py-2 text-left font-semibold' : 'sr-only'}>{caption}</caption>
        <thead className="bg-surface-muted text-xs tracking-wide text-muted uppercase">
          <tr>
            {selection ? (
              <th scope="col" className={cn(cellClass, 'w-8')}>
                <input
                  type="checkbox"
                  aria-label={selection.allLabel}
                  checked={summary!.all}
                  ref={(el) => {
                    if (el) el.indeterminate = summary!.some;
                  }}
                  disabled={selection.disabled || !rows.length}
                  onChange={() => selection.onChange(toggleAll(ids, selection.selected))}
                  className="size-4 accent-primary"
                />
              </th>
            ) : null}
            {columns.map((c) => {
              const link = sort?.links[c.key];
              const direction = sort?.key === c.key ? sort.direction : undefined;
              return (
                <th key={c.key} scope="col" aria-sort={direction} className={cn(cellClass, 'font-semibold', c.className)}>
                  {c.hideHeader ? (
                    <span className="sr-only">{c.header}</span>
                  ) : link ? (
                    <Link href={link} className="inline-flex items-center gap-1 hover:text-fg hover:underline">
                      {c.header}
                      <SortMark direction={direction} />
                    </Link>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const id = ids[i]!;
            return (
              <tr key={id} className="border-t border-subtle" {...rowAttributes?.(row)}>
                {selection ? (
                  <td className={cellClass}>
                    <input
                      type="checkbox"
                      aria-label={selection.label(row)}
                      checked={selection.selected.has(id)}
                      disabled={selection.disabled}
                      onChange={() => selection.onChange(toggleOne(selection.selected, id))}
                      className="size-4 accent-primary"
                    />
                  </td>
                ) : null}
                {columns.map((c) =>
                  c.rowHeader ? (
                    <th key={c.key} scope="row" className={cn(cellClass, 'font-semibold', c.className)}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={c.key} className={cn(cellClass, c.className)}>
                      {c.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
