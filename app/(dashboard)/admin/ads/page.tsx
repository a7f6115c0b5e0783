import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { listAdSlotsForAdmin } from '@/lib/ads/admin';
import { requirePageRole } from '@/lib/auth/session';
import { formatDateTime, getSite } from '@/lib/site';
import { AD_PLACEMENT_LABELS } from '@/lib/validation/ads';

export const metadata = { title: 'Ads' };

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  live: { label: 'Live', tone: 'success' },
  scheduled: { label: 'Scheduled', tone: 'info' },
  expired: { label: 'Expired', tone: 'neutral' },
  inactive: { label: 'Inactive', tone: 'warning' },
};

export default async function AdsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageRole('ADMIN', '/admin/ads');
  const [slots, site, params] = await Promise.all([listAdSlotsForAdmin(user), getSite(), searchParams]);
  const when = (d: Date | null, empty: string) => (d ? <time dateTime={d.toISOString()}>{formatDateTime(d, site.timeZone)}</time> : empty);
  return (
    <>
      <PageHeader
        title="Ads"
        description={`Ad slots show on article pages where their placement says, labelled “Advertisement”, while they are active and inside their dates. Times are ${site.timeZone} time.`}
        actions={
          <ButtonLink href="/admin/ads/new" variant="primary">
            New ad slot
          </ButtonLink>
        }
      />
      {params.deleted ? (
        <Alert tone="success" className="mb-4">
          Ad slot deleted.
        </Alert>
      ) : null}
      <DataTable
        caption="Ad slots"
        rows={slots}
        rowKey={(s) => s.id}
        empty="No ad slots yet."
        columns={[
          {
            key: 'name',
            header: 'Name',
            rowHeader: true,
            cell: (s) => (
              <Link href={`/admin/ads/${s.id}`} className="underline">
                {s.name}
              </Link>
            ),
          },
          { key: 'placement', header: 'Placement', cell: (s) => (s.placement === 'AFTER_PARAGRAPH' ? `After paragraph ${s.paragraph}` : AD_PLACEMENT_LABELS[s.placement]) },
          { key: 'size', header: 'Size', className: 'whitespace-nowrap', cell: (s) => `${s.width} × ${s.height}` },
          { key: 'starts', header: 'Starts', className: 'whitespace-nowrap', cell: (s) => when(s.startsAt, 'Now') },
          { key: 'ends', header: 'Ends', className: 'whitespace-nowrap', cell: (s) => when(s.endsAt, 'No end') },
          { key: 'active', header: 'Active', cell: (s) => (s.active ? 'Yes' : 'No') },
          { key: 'status', header: 'Status', cell: (s) => <Badge tone={STATUS[s.status]!.tone}>{STATUS[s.status]!.label}</Badge> },
        ]}
      />
    </>
  );
}
