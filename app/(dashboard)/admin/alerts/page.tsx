import { ActionButton } from '@/components/admin/action-button';
import { ActionForm } from '@/components/admin/action-form';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Panel } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { listRecentAlerts, type AlertRow } from '@/lib/alerts';
import { requirePageRole } from '@/lib/auth/session';
import { formatDateTime, getSite } from '@/lib/site';
import { ALERT_LEVEL_LABELS, ALERT_LEVEL_OPTIONS } from '@/lib/validation/alerts';
import { endAlertAction, publishAlertAction } from './actions';

export const metadata = { title: 'Alerts' };

const STATE: Record<'live' | 'scheduled' | 'ended', { label: string; tone: BadgeTone }> = {
  live: { label: 'Live', tone: 'danger' },
  scheduled: { label: 'Scheduled', tone: 'info' },
  ended: { label: 'Ended', tone: 'neutral' },
};

function stateOf(a: AlertRow, now: Date): keyof typeof STATE {
  if (a.endsAt && a.endsAt <= now) return 'ended';
  return a.startsAt > now ? 'scheduled' : 'live';
}

export default async function AlertsPage() {
  const user = await requirePageRole('EDITOR', '/admin/alerts');
  const [alerts, site] = await Promise.all([listRecentAlerts(user), getSite()]);
  const now = new Date();
  const when = (d: Date | null, empty: string) => (d ? <time dateTime={d.toISOString()}>{formatDateTime(d, site.timeZone)}</time> : empty);
  return (
    <>
      <PageHeader
        title="Alerts"
        description={`A breaking-news alert shows at the top of every public page, including pages readers already have open, until it ends. One alert is live at a time: publishing a new one ends the last. Times are ${site.timeZone} time.`}
      />
      <Panel id="publish-alert" title="Publish an alert">
        <ActionForm
          label="Publish an alert"
          action={publishAlertAction}
          submitLabel="Publish alert"
          pendingLabel="Publishing…"
          fields={[
            { kind: 'textarea', name: 'text', label: 'Text', hint: 'One or two sentences, under 280 characters.' },
            { kind: 'text', name: 'link', label: 'Link (optional)', hint: 'A story on this site such as /articles/storm, or a full https:// address.', autoComplete: 'off' },
            { kind: 'select', name: 'level', label: 'Level', defaultValue: 'BREAKING', options: ALERT_LEVEL_OPTIONS },
            { kind: 'datetime-local', name: 'startAt', label: 'Start time (optional)', hint: 'Leave empty to publish now.' },
            { kind: 'datetime-local', name: 'endAt', label: 'End time (optional)', hint: 'Leave empty to keep it up until you end it.' },
          ]}
        />
      </Panel>
      <div className="mt-8">
        <DataTable
          caption="Recent alerts"
          rows={alerts}
          rowKey={(a) => a.id}
          empty="No alerts yet."
          columns={[
            { key: 'text', header: 'Text', rowHeader: true, cell: (a) => a.text },
            { key: 'level', header: 'Level', cell: (a) => ALERT_LEVEL_LABELS[a.level] },
            { key: 'state', header: 'State', cell: (a) => <Badge tone={STATE[stateOf(a, now)].tone}>{STATE[stateOf(a, now)].label}</Badge> },
            { key: 'starts', header: 'Starts', className: 'whitespace-nowrap', cell: (a) => when(a.startsAt, 'Now') },
            { key: 'ends', header: 'Ends', className: 'whitespace-nowrap', cell: (a) => when(a.endsAt, 'When ended') },
            {
              key: 'action',
              header: 'Action',
              cell: (a) =>
                stateOf(a, now) === 'ended' ? null : (
                  <ActionButton action={endAlertAction} fields={{ alertId: a.id }} label={stateOf(a, now) === 'live' ? 'End alert' : 'Cancel alert'} variant="danger" />
                ),
            },
          ]}
        />
      </div>
    </>
  );
}
