'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { isCurrentScreen, type NavGroup } from './nav';

const linkClass =
  'block rounded-md px-3 py-1.5 text-sm font-medium text-muted hover:bg-surface-muted hover:text-fg aria-[current=page]:bg-surface-muted aria-[current=page]:font-semibold aria-[current=page]:text-fg';

/** The sidebar's links by group; the screen being shown is marked with aria-current. */
export function SidebarNav({ nav, onNavigate }: { nav: NavGroup[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const hrefs = nav.flatMap((g) => g.items.map((i) => i.href));
  const current = (href: string) => (isCurrentScreen(href, pathname, hrefs) ? ('page' as const) : undefined);
  return (
    <nav aria-label="Dashboard" className="flex-1 overflow-y-auto px-3 pb-6">
      <Link href="/admin" aria-current={current('/admin')} onClick={onNavigate} className={linkClass}>
        Overview
      </Link>
      {nav.map((g) => (
        <div key={g.label} className="mt-5">
          <h2 id={`nav-${g.label.toLowerCase()}`} className="px-3 pb-1 text-xs font-semibold tracking-wide text-muted uppercase">
            {g.label}
          </h2>
          <ul aria-labelledby={`nav-${g.label.toLowerCase()}`} className="space-y-0.5">
            {g.items.map((i) => (
              <li key={i.href}>
                <Link href={i.href} aria-current={current(i.href)} onClick={onNavigate} className={cn(linkClass)}>
                  {i.label}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
