import { notFound } from 'next/navigation';
import { AdSlotForm, DeleteAdSlotForm } from '@/components/admin/ad-slot-form';
import { AdSlot } from '@/components/ads/ad-slot';
import { Alert } from '@/components/ui/alert';
import { Card, Panel } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
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
      <PageHeader breadcrumb={[{ label: 'Ads', href: '/admin/ads' }]} title={slot.name} description={`Status: ${STATUS_TEXT[slot.status]}`} />
      {query.created ? (
        <Alert tone="success" className="mb-4 max-w-2xl">
          Ad slot created.
          {query.cleaned ? ' Unsafe markup (scripts, styles, frames, forms or event handlers) was removed from the HTML creative: the preview shows what readers will see.' : ''}
        </Alert>
      ) : null}
      <div className="grid gap-8 lg:grid-cols-3">
        <Card className="lg:col-span-2">
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
        </Card>
        <div className="space-y-6">
          <Panel id="ad-preview" title="Preview" description="As saved, after sanitising: what readers see.">
            <AdSlot slot={{ ...slot, html: slot.html || null }} />
            {slot.html !== null ? (
              <>
                <h3 className="mt-4 text-sm font-semibold">Stored HTML</h3>
                <pre aria-label="Stored HTML" className="mt-1 overflow-x-auto rounded-md bg-surface-muted p-2 text-xs break-words whitespace-pre-wrap">
                  {slot.html}
                </pre>
              </>
            ) : null}
          </Panel>
          <Panel id="ad-delete" title="Delete" tone="danger">
            <DeleteAdSlotForm id={slot.id} name={slot.name} action={deleteAdSlotAction} />
          </Panel>
        </div>
      </div>
    </>
  );
}
