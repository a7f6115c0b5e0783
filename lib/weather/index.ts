import 'server-only';
import { env } from '@/lib/env';
import { getWeatherPlaceSetting } from '@/lib/settings';
import { createWeatherClient, type WeatherReading } from './open-meteo';

export { formatTemperature, type WeatherReading } from './open-meteo';

const client = createWeatherClient({ baseUrl: env.WEATHER_API_URL, ttlMs: env.WEATHER_CACHE_SECONDS * 1000 });

/** The current reading for the site's city, or null (the header then leaves the widget out). */
export async function getCurrentWeather(): Promise<WeatherReading | null> {
  try {
    return await client.get(await getWeatherPlaceSetting());
  } catch {
    // A settings read failing must not take the page down with it either.
    return null;
  }
}
