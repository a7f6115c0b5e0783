import Link from 'next/link';
import { BanValueForm, LiftBanButton } from '@/components/admin/ban-form';
import { requirePageRole } from '@/lib/auth/session';
import { listBans } from '@/lib/comments/bans';
import { formatDateTime } from '@/lib/site';
import { banValueAction, liftBanAction } from '../actions';

export const metadata = { title: 'Comment bans' };

export default async function BansPage() {
  const user = await requirePageRole('ADMIN', '/admin/comments/bans');
  const bans = await listBans(user);
  return (
    <>
      <p className="text-sm">
        <Link href="/admin/comments" className="underline">
          Comments
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">Comment bans</h1>
      <p className="mt-2 max-w-2xl text-sm text-neutral-700 dark:text-neutral-300">
        Banned commenters are told only that their comment could not be posted. Email and IP addresses are stored as keyed hashes, so this list shows the kind and the reason, never the address.
      </p>
      <section aria-labelledby="add-ban" className="mt-6">
        <h2 id="add-ban" className="text-lg font-semibold">
          Ban an email or IP address
        </h2>
        <BanValueForm action={banValueAction} />
      </section>
      <section aria-labelledby="ban-list" className="mt-8">
        <h2 id="ban-list" className="text-lg font-semibold">
          Bans ({bans.length})
        </h2>
        {bans.length === 0 ? <p className="mt-2">No bans.</p> : null}
        <ul className="mt-3 space-y-3">
          {bans.map((b) => (
            <li key={b.id} aria-label={`${b.kind === 'EMAIL' ? 'Email' : 'IP'} ban: ${b.reason || 'no reason given'}`} className="rounded border border-black/10 bg-white p-3 text-sm dark:border-white/15 dark:bg-neutral-900">
              <p>
                <span className="font-semibold">{b.kind === 'EMAIL' ? 'Email address' : 'IP address'}</span>
                {' · '}
                {b.active ? (b.expiresAt ? `until ${formatDateTime(b.expiresAt)}` : 'permanent') : `expired ${formatDateTime(b.expiresAt!)}`}
                {' · by '}
                {b.createdBy?.name ?? 'a former user'} on <time dateTime={b.createdAt.toISOString()}>{formatDateTime(b.createdAt)}</time>
              </p>
              <p className="mt-1">Reason: {b.reason || '—'}</p>
              <div className="mt-2">
                <LiftBanButton banId={b.id} action={liftBanAction} />
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
