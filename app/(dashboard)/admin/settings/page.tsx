import { ActionForm } from '@/components/admin/action-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/lib/auth/session';
import { getSiteSettings } from '@/lib/settings';
import { saveSiteSettingsAction } from './actions';

export const metadata = { title: 'Site settings' };

export default async function SiteSettingsPage() {
  await requirePageRole('ADMIN', '/admin/settings');
  const s = await getSiteSettings();
  return (
    <>
      <PageHeader
        title="Site settings"
        description="The site name and today’s date appear at the top of every public page, with the current weather for the city below. Changes show on public pages within seconds."
      />
      <Card className="max-w-xl">
        <ActionForm
          label="Site settings"
          action={saveSiteSettingsAction}
          submitLabel="Save site settings"
          pendingLabel="Saving…"
          fields={[
            { kind: 'text', name: 'name', label: 'Site name', defaultValue: s.name },
            {
              kind: 'text',
              name: 'timeZone',
              label: 'Time zone',
              defaultValue: s.timeZone,
              hint: 'An IANA time zone name such as Europe/London, Europe/Paris or America/New_York. The date in the public header is today’s date there.',
            },
            { kind: 'text', name: 'city', label: 'Weather city', defaultValue: s.weather.city, hint: 'Shown beside the temperature in the header.' },
            { kind: 'text', name: 'latitude', label: 'Latitude', defaultValue: String(s.weather.latitude), hint: 'Decimal degrees from -90 (south) to 90 (north), e.g. 51.5072 for London.' },
            { kind: 'text', name: 'longitude', label: 'Longitude', defaultValue: String(s.weather.longitude), hint: 'Decimal degrees from -180 (west) to 180 (east), e.g. -0.1276 for London.' },
          ]}
        />
      </Card>
    </>
  );
}
