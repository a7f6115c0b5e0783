import 'server-only';

/** Site identity and locale. Settings in the database will override these (admin settings page). */
export const site = {
  name: 'Broadsheet',
  tagline: 'Independent news, clearly told',
  timeZone: 'Europe/London',
  locale: 'en-GB',
} as const;

/** "Sunday, November 29, 2026" in the site's time zone. */
export function formatLongDate(date: Date, timeZone: string = site.timeZone): string {
  return new Intl.DateTimeFormat('en-US', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone }).format(date);
}

/** "29 Nov 2026, 14:05" in the site's time zone. */
export function formatDateTime(date: Date, timeZone: string = site.timeZone): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(date);
}
