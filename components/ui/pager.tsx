import Link from 'next/link';
import type { ReactNode } from 'react';

type PageLink = { href: string; label: string };

/** Previous / "Page 2 of 9" / Next under a list; `children` can add a jump-to-page form. */
export function Pager({ label, prev, next, status, children }: { label: string; prev?: PageLink | null; next?: PageLink | null; status?: ReactNode; children?: ReactNode }) {
  return (
    <nav aria-label={label} className="mt-6 flex flex-wrap items-center justify-between gap-3 text-sm">
      {prev ? (
        <Link href={prev.href} rel="prev" className="font-semibold hover:underline">
          <span aria-hidden>←</span> {prev.label}
        </Link>
      ) : (
        <span />
      )}
      {status ? <span className="text-muted">{status}</span> : null}
      {children}
      {next ? (
        <Link href={next.href} rel="next" className="font-semibold hover:underline">
          {next.label} <span aria-hidden>→</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
