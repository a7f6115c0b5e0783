import 'server-only';
import type { StaffUser } from '@/lib/users';
import type { SiteSettingsInput } from '@/lib/validation/settings';
import type { SiteSettings } from './groups';
import { getSettings, saveSettings } from './store';

export type { SiteSettings };
export type WeatherPlaceSetting = SiteSettings['weather'];

/** The site's name, time zone and weather city (admin settings, defaults for anything unset): every public render reads it. */
export function getSiteSettings(): Promise<SiteSettings> {
  return getSettings('site');
}

/** The site's city for the header weather (London by default). */
export async function getWeatherPlaceSetting(): Promise<WeatherPlaceSetting> {
  return (await getSiteSettings()).weather;
}

/** Saves the site settings form (admins only), audited; every page then shows the new name, dates and weather. */
export async function saveSiteSettings(input: SiteSettingsInput, user: StaffUser): Promise<SiteSettings> {
  return saveSettings('site', { name: input.name, timeZone: input.timeZone, weather: { city: input.city, latitude: input.latitude, longitude: input.longitude } }, user);
}
