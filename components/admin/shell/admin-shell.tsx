'use client';

import Link from 'next/link';
import { useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { ToastProvider } from '@/components/ui/toast';
import { CommandPalette } from './command-palette';
import type { NavGroup } from './nav';
import type { Command } from './palette';
import { SidebarNav } from './sidebar-nav';
import { UserMenu } from './user-menu';

/**
 * The dashboard's frame: the sidebar of screens (a panel behind "Menu" on small screens), the
 * top bar with the command palette and the signed-in person, and the page itself. Toasts
 * raised anywhere inside show in one polite live region.
 */
export function AdminShell({
  nav,
  actions,
  user,
  unread = 0,
  children,
}: {
  nav: NavGroup[];
  actions: Command[];
  user: { name: string; role: string };
  /** Unread notifications (mentions in notes), for the bell. */
  unread?: number;
  children: ReactNode;
}) {
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const screens: Command[] = nav.flatMap((g) => g.items.map((i) => ({ id: i.href, label: i.label, hint: g.label, href: i.href, keywords: i.keywords })));
  const closeMenu = (refocus = false) => {
    setMenuOpen(false);
    if (refocus) menuButton.current?.focus();
  };

  return (
    <ToastProvider>
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-surface focus:p-2">
        Skip to content
      </a>
      <div className="min-h-screen bg-canvas text-fg lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
        <aside
          id="dashboard-sidebar"
          onKeyDown={(e) => {
            if (e.key === 'Escape' && menuOpen) closeMenu(true);
          }}
          className={cn(
            'z-40 flex-col border-r border-subtle bg-surface lg:sticky lg:top-0 lg:flex lg:h-screen',
            menuOpen ? 'fixed inset-y-0 left-0 flex w-72 max-w-[85vw] shadow-2xl lg:w-auto lg:max-w-none lg:shadow-none' : 'hidden',
          )}
        >
          <div className="flex h-14 shrink-0 items-center justify-between px-6">
            <Link href="/admin" onClick={() => closeMenu()} className="font-serif text-xl font-bold tracking-tight">
              Broadsheet
            </Link>
            {menuOpen ? (
              <Button variant="ghost" size="sm" onClick={() => closeMenu(true)} className="lg:hidden">
                Close menu
              </Button>
            ) : null}
          </div>
          <SidebarNav nav={nav} onNavigate={() => closeMenu()} />
        </aside>
        {menuOpen ? <div aria-hidden className="fixed inset-0 z-30 bg-black/40 lg:hidden" onClick={() => closeMenu(true)} /> : null}
        <div className="flex min-w-0 flex-col">
          <header className="sticky top-0 z-20 flex h-14 items-center gap-3 border-b border-subtle bg-surface px-4 lg:px-8">
            <Button ref={menuButton} size="sm" aria-expanded={menuOpen} aria-controls="dashboard-sidebar" onClick={() => setMenuOpen((o) => !o)} className="lg:hidden">
              Menu
            </Button>
            <CommandPalette screens={screens} actions={actions} />
            <div className="ml-auto flex items-center gap-2">
              <Link href="/admin/notifications" className="inline-flex items-center gap-1 rounded px-2 py-1 text-sm font-medium hover:bg-surface-muted">
                <span aria-hidden>🔔</span>
                <span>{unread ? `Notifications (${unread} unread)` : 'Notifications'}</span>
              </Link>
              <UserMenu name={user.name} role={user.role} />
            </div>
          </header>
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 lg:px-8">
            {children}
          </main>
        </div>
      </div>
    </ToastProvider>
  );
}
