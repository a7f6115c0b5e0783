import Link from 'next/link';
import { CommenterPrivacyForm } from '@/components/admin/commenter-privacy-form';
import { requirePageRole } from '@/lib/auth/session';
import { eraseCommenterAction, exportCommenterAction } from '../actions';

export const metadata = { title: 'Commenter privacy' };

export default async function CommenterPrivacyPage() {
  await requirePageRole('ADMIN', '/admin/comments/privacy');
  return (
    <>
      <p className="text-sm">
        <Link href="/admin/comments" className="underline">
          Comments
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">Commenter privacy</h1>
      <p className="mt-2 max-w-2xl text-sm text-neutral-700 dark:text-neutral-300">
        Export or erase everything Broadsheet stores about one commenter’s email address: their comments, the reports on them, notification mails quoting them and the comment text kept in the audit log. IP addresses are stored only as keyed hashes.
      </p>
      <CommenterPrivacyForm exportAction={exportCommenterAction} eraseAction={eraseCommenterAction} />
    </>
  );
}
