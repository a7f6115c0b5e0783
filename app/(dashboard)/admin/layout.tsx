import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { hasRole } from '@/lib/auth/roles';
import { requirePageRole } from '@/lib/auth/session';

export const metadata: Metadata = { title: { default: 'Dashboard', template: '%s — Broadsheet dashboard' }, robots: { index: false } };

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requirePageRole('CONTRIBUTOR');
  return (
    <div className="min-h-screen bg-neutral-50 text-neutral-900 dark:bg-neutral-950 dark:text-neutral-100">
      <header className="border-b border-black/10 bg-white dark:border-white/15 dark:bg-neutral-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <nav aria-label="Dashboard" className="flex flex-wrap items-center gap-5 text-sm font-semibold">
            <Link href="/admin" className="font-serif text-xl font-bold">
              Broadsheet
            </Link>
            <Link href="/admin">Articles</Link>
            <Link href="/admin/articles/new">New article</Link>
            <Link href="/admin/media">Media</Link>
            {hasRole(user.role, 'EDITOR') ? <Link href="/admin/comments">Comments</Link> : null}
            {hasRole(user.role, 'EDITOR') ? <Link href="/admin/sections">Sections</Link> : null}
            {hasRole(user.role, 'EDITOR') ? <Link href="/admin/tags">Tags</Link> : null}
            {hasRole(user.role, 'EDITOR') ? <Link href="/admin/audit">Audit log</Link> : null}
            {hasRole(user.role, 'ADMIN') ? <Link href="/admin/users">Users</Link> : null}
            {hasRole(user.role, 'ADMIN') ? <Link href="/admin/api-keys">API keys</Link> : null}
            {hasRole(user.role, 'ADMIN') ? <Link href="/admin/ads">Ads</Link> : null}
            {hasRole(user.role, 'ADMIN') ? <Link href="/admin/settings">Site settings</Link> : null}
            {hasRole(user.role, 'ADMIN') ? <Link href="/admin/webhooks">Webhooks</Link> : null}
            {hasRole(user.role, 'ADMIN') ? <Link href="/admin/api">API reference</Link> : null}
            <Link href="/">View site</Link>
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <Link href="/admin/profile" aria-label={`Your profile: ${user.name} (${user.role.toLowerCase()})`}>
              {user.name} <span className="text-neutral-600 dark:text-neutral-300">({user.role.toLowerCase()})</span>
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
