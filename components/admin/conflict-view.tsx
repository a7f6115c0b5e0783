import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

export type ConflictRow = { label: string; theirs: ReactNode; mine: ReactNode; differs: boolean };

/**
 * A colleague's saved version beside this one, field by field, when a save was refused because
 * they saved first: nothing is overwritten until the writer chooses (`actions`). Shared by the
 * text (title, standfirst, hero, body) and the Details panel (byline, comments, SEO…).
 */
export function ConflictView({
  id,
  title,
  intro,
  theirsLabel,
  mineLabel,
  rows,
  actions,
  headingLevel = 2,
}: {
  id: string;
  title: string;
  intro: ReactNode;
  theirsLabel: string;
  mineLabel: string;
  rows: ConflictRow[];
  actions: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={id} className="rounded-lg border-2 border-warning bg-surface p-4">
      <Heading id={id} className="text-lg font-bold">
        {title}
      </Heading>
      <p className="mt-1 text-sm">{intro}</p>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">
            {theirsLabel} beside {mineLabel}
          </caption>
          <thead>
            <tr>
              <td />
              <th scope="col" className="px-2 py-1">
                {theirsLabel}
              </th>
              <th scope="col" className="px-2 py-1">
                {mineLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label} className={cn('border-t border-subtle align-top', row.differs && 'bg-warning-soft font-semibold')}>
                <th scope="row" className="px-2 py-1 whitespace-nowrap">
                  {row.label}
                  {row.differs ? <span className="sr-only"> (different)</span> : null}
                </th>
                <td className="px-2 py-1 break-words">{row.theirs}</td>
                <td className="px-2 py-1 break-words">{row.mine}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-4 flex flex-wrap gap-3">{actions}</div>
    </section>
  );
}
