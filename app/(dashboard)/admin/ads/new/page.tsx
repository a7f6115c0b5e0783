import { AdSlotForm } from '@/components/admin/ad-slot-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/lib/auth/session';
import { getSite } from '@/lib/site';
import { createAdSlotAction } from '../actions';

export const metadata = { title: 'New ad slot' };

export default async function NewAdSlotPage() {
  await requirePageRole('ADMIN', '/admin/ads/new');
  const site = await getSite();
  return (
    <>
      <PageHeader breadcrumb={[{ label: 'Ads', href: '/admin/ads' }]} title="New ad slot" />
      <Card className="max-w-3xl">
        <AdSlotForm
          action={createAdSlotAction}
          submitLabel="Create ad slot"
          timeZone={site.timeZone}
          values={{ name: '', placement: 'SIDEBAR', paragraph: '2', creativeType: 'image', imageUrl: '', linkUrl: '', html: '', width: '300', height: '250', startsAt: '', endsAt: '', active: true }}
        />
      </Card>
    </>
  );
}
