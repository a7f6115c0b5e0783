import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';

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

/** The site's city for the header weather (admin settings `weather.*`, London by default). */
export async function getWeatherPlaceSetting(): Promise<WeatherPlaceSetting> {
  const s = await getSettings(['weather.city', 'weather.latitude', 'weather.longitude']);
  return weatherPlaceSchema.parse({ city: s['weather.city'], latitude: s['weather.latitude'], longitude: s['weather.longitude'] });
}
