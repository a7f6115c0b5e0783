import Link from 'next/link';
import { revalidatePath } from 'next/cache';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole, requireRole } from '@/lib/auth/session';
import { getNotificationsForUser, markNotificationsRead } from '@/lib/notes';

export const metadata = { title: 'Notifications' };

async function markAllReadAction() {
  'use server';
  await markNotificationsRead(await requireRole('CONTRIBUTOR'));
  revalidatePath('/admin', 'layout');
}

/** The bell's page: mentions in notes, newest first. */
export default async function NotificationsPage() {
  const user = await requirePageRole('CONTRIBUTOR', '/admin/notifications');
  const { unread, items } = await getNotificationsForUser(user);
  return (
    <>
      <PageHeader
        title="Notifications"
        actions={
          unread ? (
            <form action={markAllReadAction}>
              <Button type="submit" size="sm">
                Mark all as read
              </Button>
            </form>
          ) : null
        }
      />
      {items.length ? (
        <ul className="space-y-2">
          {items.map((n) => (
            <li key={n.id} className="rounded-md border border-subtle bg-surface p-3">
              <Link href={n.href} className="font-medium underline-offset-2 hover:underline">
                {n.text}
              </Link>
              <p className="text-sm text-muted">
                {n.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC{n.readAt ? '' : ' · unread'}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">Nothing yet. When a colleague mentions you in a note, it shows here.</p>
      )}
    </>
  );
}
