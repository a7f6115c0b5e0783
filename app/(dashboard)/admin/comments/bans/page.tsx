import { ActionButton } from '@/components/admin/action-button';
import { BanValueForm } from '@/components/admin/ban-form';
import { CommentSubpageHeader } from '@/components/admin/comment-subpage-header';
import { Badge } from '@/components/ui/badge';
import { EmptyState, Panel } from '@/components/ui/card';
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
      <CommentSubpageHeader title="Comment bans">
        Banned commenters are told only that their comment could not be posted. Email and IP addresses are stored as keyed hashes, so this list shows the kind and the reason, never the address.
      </CommentSubpageHeader>
      <Panel id="add-ban" title="Ban an email or IP address">
        <BanValueForm action={banValueAction} />
      </Panel>
      <section aria-labelledby="ban-list" className="mt-8">
        <h2 id="ban-list" className="mb-3 text-lg font-semibold">
          Bans ({bans.length})
        </h2>
        {bans.length === 0 ? <EmptyState>No bans.</EmptyState> : null}
        <ul className="space-y-3">
          {bans.map((b) => (
            <li
              key={b.id}
              aria-label={`${b.kind === 'EMAIL' ? 'Email' : 'IP'} ban: ${b.reason || 'no reason given'}`}
              className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-subtle bg-surface p-4 text-sm shadow-xs"
            >
              <div>
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold">{b.kind === 'EMAIL' ? 'Email address' : 'IP address'}</span>
                  <Badge tone={b.active ? 'danger' : 'neutral'}>{b.active ? (b.expiresAt ? `until ${formatDateTime(b.expiresAt)}` : 'permanent') : `expired ${formatDateTime(b.expiresAt!)}`}</Badge>
                </p>
                <p className="mt-1 text-muted">
                  By {b.createdBy?.name ?? 'a former user'} on <time dateTime={b.createdAt.toISOString()}>{formatDateTime(b.createdAt)}</time>
                </p>
                <p className="mt-1">Reason: {b.reason || '—'}</p>
              </div>
              <ActionButton action={liftBanAction} fields={{ banId: b.id }} label="Lift" quiet />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
