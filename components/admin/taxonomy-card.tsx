import type { ReactNode } from 'react';

/** One section or tag in its list: its name, address and article count, its edit form, and any tools beside it. */
export function TaxonomyCard({ label, title, path, count, children, aside }: { label: string; title: string; path: string; count: number; children: ReactNode; aside?: ReactNode }) {
  return (
    <li>
      <section aria-label={label} className="rounded-lg border border-subtle bg-surface p-5 shadow-xs">
        <h2 className="font-semibold">
          {title} <span className="font-normal text-muted">{path} · {count} articles</span>
        </h2>
        <div className="mt-3 grid gap-4 md:grid-cols-3">
          <div className="md:col-span-2">{children}</div>
          {aside ? <div className="flex flex-col items-start gap-2">{aside}</div> : null}
        </div>
      </section>
    </li>
  );
}
