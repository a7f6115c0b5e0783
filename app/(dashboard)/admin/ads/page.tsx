import Link from 'next/link';
import { listAdSlotsForAdmin } from '@/lib/ads/admin';
import { requirePageRole } from '@/lib/auth/session';
import { formatDateTime, getSite } from '@/lib/site';
import { AD_PLACEMENT_LABELS } from '@/lib/validation/ads';

export const metadata = { title: 'Ads' };

const STATUS_LABEL = { live: 'Live', scheduled: 'Scheduled', expired: 'Expired', inactive: 'Inactive' } as const;
const STATUS_CLASS = {
  live: 'bg-green-100 text-green-900',
  scheduled: 'bg-blue-100 text-blue-900',
  expired: 'bg-neutral-200 text-neutral-800',
  inactive: 'bg-amber-100 text-amber-900',
} as const;

export default async function AdsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageRole('ADMIN', '/admin/ads');
  const [slots, site, params] = await Promise.all([listAdSlotsForAdmin(user), getSite(), searchParams]);
  const when = (d: Date | null, empty: string) => (d ? <time dateTime={d.toISOString()}>{formatDateTime(d, site.timeZone)}</time> : empty);
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">Ads</h1>
        <Link href="/admin/ads/new" className="rounded bg-neutral-900 px-4 py-2 text-sm font-semibold text-white dark:bg-white dark:text-neutral-900">
          New ad slot
        </Link>
      </div>
      <p className="mt-2 max-w-2xl text-sm text-neutral-700 dark:text-neutral-300">
        Ad slots show on article pages where their placement says, labelled “Advertisement”, while they are active and inside their dates. Times are {site.timeZone} time.
      </p>
      {params.deleted ? (
        <p role="status" className="mt-4 rounded bg-green-50 p-2 text-sm text-green-900">
          Ad slot deleted.
        </p>
      ) : null}
      {slots.length === 0 ? (
        <p className="mt-6">No ad slots yet.</p>
      ) : (
        <table className="mt-6 w-full text-left text-sm">
          <caption className="sr-only">Ad slots</caption>
          <thead>
            <tr className="border-b border-black/20 dark:border-white/30">
              <th scope="col" className="py-2 pr-4">Name</th>
              <th scope="col" className="py-2 pr-4">Placement</th>
              <th scope="col" className="py-2 pr-4">Size</th>
              <th scope="col" className="py-2 pr-4">Starts</th>
              <th scope="col" className="py-2 pr-4">Ends</th>
              <th scope="col" className="py-2 pr-4">Active</th>
              <th scope="col" className="py-2 pr-4">Status</th>
            </tr>
          </thead>
          <tbody>
            {slots.map((s) => (
              <tr key={s.id} className="border-b border-black/10 dark:border-white/15">
                <td className="py-2 pr-4">
                  <Link href={`/admin/ads/${s.id}`} className="font-semibold underline">
                    {s.name}
                  </Link>
                </td>
                <td className="py-2 pr-4">{s.placement === 'AFTER_PARAGRAPH' ? `After paragraph ${s.paragraph}` : AD_PLACEMENT_LABELS[s.placement]}</td>
                <td className="py-2 pr-4 whitespace-nowrap">
                  {s.width} × {s.height}
                </td>
                <td className="py-2 pr-4 whitespace-nowrap">{when(s.startsAt, 'Now')}</td>
                <td className="py-2 pr-4 whitespace-nowrap">{when(s.endsAt, 'No end')}</td>
                <td className="py-2 pr-4">{s.active ? 'Yes' : 'No'}</td>
                <td className="py-2 pr-4">
                  <span className={`rounded px-2 py-0.5 text-xs font-semibold ${STATUS_CLASS[s.status]}`}>{STATUS_LABEL[s.status]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
