import 'server-only';
import { getSiteSettings } from '@/lib/settings';

/** Site identity and locale defaults; the name and time zone can be changed in admin settings (getSite). */
export const site = {
  name: 'Broadsheet',
  tagline: 'Independent news, clearly told',
  timeZone: 'Europe/London',
  locale: 'en-GB',
} as const;

export type Site = { name: string; tagline: string; timeZone: string; locale: string };

/** The site as configured: the name and time zone from admin settings, the rest as above. */
export async function getSite(): Promise<Site> {
  const settings = await getSiteSettings();
  return { ...site, name: settings.name, timeZone: settings.timeZone };
}

/** "Sunday, November 29, 2026" in the site's time zone. */
export function formatLongDate(date: Date, timeZone: string = site.timeZone): string {
  return new Intl.DateTimeFormat('en-US', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone }).format(date);
}

/** "2026-11-29": the calendar date in `timeZone`, for a <time dateTime> beside formatLongDate. */
export function isoDateIn(date: Date, timeZone: string = site.timeZone): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(date);
}

/** "29 Nov 2026, 14:05" in the site's time zone. */
export function formatDateTime(date: Date, timeZone: string = site.timeZone): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(date);
}
