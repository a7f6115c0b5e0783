import Link from 'next/link';

/** Views of one screen as links (comment statuses): the current one is marked with aria-current. */
export function LinkTabs({ label, tabs }: { label: string; tabs: { href: string; label: string; current?: boolean }[] }) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1 border-b border-subtle text-sm">
      {tabs.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={t.current ? 'page' : undefined}
          className="-mb-px border-b-2 border-transparent px-3 py-2 font-semibold text-muted hover:text-fg aria-[current=page]:border-accent aria-[current=page]:text-fg"
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
