import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AdminShell } from '@/components/admin/shell/admin-shell';
import { navFor } from '@/components/admin/shell/nav';
import { hasRole } from '@/lib/auth/roles';
import { requirePageRole } from '@/lib/auth/session';
import { countUnreadNotifications } from '@/lib/notes';

export const metadata: Metadata = { title: { default: 'Dashboard', template: '%s — Broadsheet dashboard' }, robots: { index: false } };

const ACTIONS = [{ id: 'new-article', label: 'New article', href: '/admin/articles/new', keywords: 'write create story draft' }];
const EDITOR_ACTIONS = [...ACTIONS, { id: 'new-plan', label: 'New plan', href: '/admin/planning/new', keywords: 'story budget assign commission' }];

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requirePageRole('CONTRIBUTOR');
  const unread = await countUnreadNotifications(user.id);
  return (
    <AdminShell nav={navFor(user.role)} actions={hasRole(user.role, 'EDITOR') ? EDITOR_ACTIONS : ACTIONS} user={{ name: user.name, role: user.role }} unread={unread}>
      {children}
    </AdminShell>
  );
}
