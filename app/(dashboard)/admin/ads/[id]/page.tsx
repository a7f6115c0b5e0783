import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdSlotForm, DeleteAdSlotForm } from '@/components/admin/ad-slot-form';
import { AdSlot } from '@/components/ads/ad-slot';
import { getAdSlotForAdmin } from '@/lib/ads/admin';
import { requirePageRole } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { getSite } from '@/lib/site';
import { dateToZonedWallTime } from '@/lib/time-zone';
import { deleteAdSlotAction, updateAdSlotAction } from '../actions';

export const metadata = { title: 'Edit ad slot' };

const STATUS_TEXT = { live: 'Live: showing now.', scheduled: 'Scheduled: shows from its start date.', expired: 'Expired: its end date has passed.', inactive: 'Inactive: switched off.' } as const;

export default async function EditAdSlotPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const user = await requirePageRole('ADMIN', `/admin/ads/${id}`);
  const query = await searchParams;
  const slot = await getAdSlotForAdmin(id, user).catch((e) => {
    if (e instanceof AppError && e.code === 'not_found') notFound();
    throw e;
  });
  const site = await getSite();
  const wall = (d: Date | null) => (d ? dateToZonedWallTime(d, site.timeZone) : '');
  return (
    <>
      <p className="text-sm">
        <Link href="/admin/ads" className="underline">
          Ads
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">{slot.name}</h1>
      <p className="mt-1 text-sm">Status: {STATUS_TEXT[slot.status]}</p>
      {query.created ? (
        <p role="status" className="mt-4 max-w-2xl rounded bg-green-50 p-2 text-sm text-green-900">
          Ad slot created.
          {query.cleaned ? ' Unsafe markup (scripts, styles, frames, forms or event handlers) was removed from the HTML creative: the preview shows what readers will see.' : ''}
        </p>
      ) : null}
      <div className="mt-6 grid gap-10 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <AdSlotForm
            id={slot.id}
            action={updateAdSlotAction}
            submitLabel="Save ad slot"
            timeZone={site.timeZone}
            values={{
              name: slot.name,
              placement: slot.placement,
              paragraph: slot.paragraph ? String(slot.paragraph) : '2',
              creativeType: slot.html !== null ? 'html' : 'image',
              imageUrl: slot.imageUrl ?? '',
              linkUrl: slot.linkUrl ?? '',
              html: slot.html ?? '',
              width: String(slot.width),
              height: String(slot.height),
              startsAt: wall(slot.startsAt),
              endsAt: wall(slot.endsAt),
              active: slot.active,
            }}
          />
        </div>
        <div className="space-y-8">
          <section aria-labelledby="ad-preview">
            <h2 id="ad-preview" className="text-lg font-semibold">
              Preview
            </h2>
            <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-300">As saved, after sanitising: what readers see.</p>
            <AdSlot slot={{ ...slot, html: slot.html || null }} className="mt-3" />
            {slot.html !== null ? (
              <>
                <h3 className="mt-4 text-sm font-semibold">Stored HTML</h3>
                <pre aria-label="Stored HTML" className="mt-1 overflow-x-auto whitespace-pre-wrap break-words rounded bg-neutral-100 p-2 text-xs dark:bg-neutral-800">
                  {slot.html}
                </pre>
              </>
            ) : null}
          </section>
          <section aria-labelledby="ad-delete" className="rounded border border-red-200 p-4 dark:border-red-900">
            <h2 id="ad-delete" className="text-lg font-semibold">
              Delete
            </h2>
            <DeleteAdSlotForm id={slot.id} name={slot.name} action={deleteAdSlotAction} />
          </section>
        </div>
      </div>
    </>
  );
}
