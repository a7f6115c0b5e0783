import Link from 'next/link';
import { AdSlotForm } from '@/components/admin/ad-slot-form';
import { requirePageRole } from '@/lib/auth/session';
import { getSite } from '@/lib/site';
import { createAdSlotAction } from '../actions';

export const metadata = { title: 'New ad slot' };

export default async function NewAdSlotPage() {
  await requirePageRole('ADMIN', '/admin/ads/new');
  const site = await getSite();
  return (
    <>
      <p className="text-sm">
        <Link href="/admin/ads" className="underline">
          Ads
        </Link>
      </p>
      <h1 className="mt-1 mb-6 text-2xl font-bold">New ad slot</h1>
      <AdSlotForm
        action={createAdSlotAction}
        submitLabel="Create ad slot"
        timeZone={site.timeZone}
        values={{ name: '', placement: 'SIDEBAR', paragraph: '2', creativeType: 'image', imageUrl: '', linkUrl: '', html: '', width: '300', height: '250', startsAt: '', endsAt: '', active: true }}
      />
    </>
  );
}
