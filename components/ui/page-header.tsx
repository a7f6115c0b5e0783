import Link from 'next/link';
import type { ReactNode } from 'react';

export type Crumb = { label: string; href: string };

/** The top of a dashboard screen: where it sits (breadcrumb), its title, a line about it, and its main actions. */
export function PageHeader({ title, description, breadcrumb, actions }: { title: ReactNode; description?: ReactNode; breadcrumb?: Crumb[]; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4 border-b border-subtle pb-4">
      <div className="min-w-0">
        {breadcrumb?.length ? (
          <nav aria-label="Breadcrumb" className="mb-1 text-sm text-muted">
            <ol className="flex flex-wrap items-center gap-1">
              {breadcrumb.map((c, i) => (
                <li key={c.href} className="flex items-center gap-1">
                  {i > 0 ? <span aria-hidden>/</span> : null}
                  <Link href={c.href} className="hover:text-fg hover:underline">
                    {c.label}
                  </Link>
                </li>
              ))}
            </ol>
          </nav>
        ) : null}
        <h1 className="text-2xl font-bold tracking-tight break-words">{title}</h1>
        {description ? <div className="mt-1 max-w-prose text-sm text-muted">{description}</div> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}
