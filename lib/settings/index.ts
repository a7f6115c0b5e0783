import 'server-only';
import { cache } from 'react';
import { z } from 'zod';
import { db } from '@/lib/db';
import { isValidTimeZone } from '@/lib/time-zone';

/** Values of the given setting keys that exist; missing keys are simply absent. */
export async function getSettings(keys: string[]): Promise<Record<string, unknown>> {
  const rows = await db.setting.findMany({ where: { key: { in: keys } }, select: { key: true, value: true } });
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

// Number(null) and Number('') are 0, which is a real place: treat them as unset instead.
const coordinate = (min: number, max: number, fallback: number) =>
  z.preprocess((v) => (v === null || v === '' ? undefined : v), z.coerce.number().min(min).max(max)).catch(fallback);

const weatherPlaceSchema = z.object({
  city: z.string().trim().min(1).max(80).catch('London'),
  latitude: coordinate(-90, 90, 51.5072),
  longitude: coordinate(-180, 180, -0.1276),
});

export type WeatherPlaceSetting = z.infer<typeof weatherPlaceSchema>;

/** The setting keys behind the admin settings page, as stored in the Setting table. */
export const SITE_SETTING_KEYS = {
  name: 'site.name',
  timeZone: 'site.timeZone',
  city: 'weather.city',
  latitude: 'weather.latitude',
  longitude: 'weather.longitude',
} as const;

/** What each stored site setting falls back to when it is unset or no longer valid. */
const siteSettingsSchema = z.object({
  name: z.string().trim().min(1).max(80).catch('Broadsheet'),
  timeZone: z.string().refine(isValidTimeZone).catch('Europe/London'),
  weather: weatherPlaceSchema,
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;

// Every public render reads these (header, footer, weather), so they come from process memory:
// one query per TTL per process, dropped at once by a save in this process. Other processes of
// a multi-instance deployment see a change within the TTL.
const SITE_SETTINGS_TTL_MS = 10_000;
const memo = globalThis as { broadsheetSiteSettings?: { value: Promise<SiteSettings>; expires: number } };

async function loadSiteSettings(): Promise<SiteSettings> {
  const k = SITE_SETTING_KEYS;
  const s = await getSettings(Object.values(k));
  return siteSettingsSchema.parse({ name: s[k.name], timeZone: s[k.timeZone], weather: { city: s[k.city], latitude: s[k.latitude], longitude: s[k.longitude] } });
}

/**
 * The site's name, time zone and weather city (admin settings, with defaults for anything
 * unset): the one cached read every public render goes through.
 */
export const getSiteSettings = cache(async function getSiteSettings(): Promise<SiteSettings> {
  const now = Date.now();
  const hit = memo.broadsheetSiteSettings;
  if (hit && hit.expires > now) return hit.value;
  const value = loadSiteSettings();
  memo.broadsheetSiteSettings = { value, expires: now + SITE_SETTINGS_TTL_MS };
  // A failed read is not remembered: the next render tries again.
  value.catch(() => {
    if (memo.broadsheetSiteSettings?.value === value) memo.broadsheetSiteSettings = undefined;
  });
  return value;
});

/** Drops the in-process copy after a save, so the next render reads the new values. */
export function invalidateSiteSettings(): void {
  memo.broadsheetSiteSettings = undefined;
}

/** The site's city for the header weather (admin settings `weather.*`, London by default). */
export async function getWeatherPlaceSetting(): Promise<WeatherPlaceSetting> {
  return (await getSiteSettings()).weather;
}
