import 'server-only';
import { z } from 'zod';

export type WeatherReading = { temperatureC: number; weatherCode: number | null; city: string };
export type WeatherPlace = { city: string; latitude: number; longitude: number };

// Only the fields the header shows; anything else the endpoint sends is ignored.
const forecastSchema = z.object({
  current: z.object({
    temperature_2m: z.number().finite(),
    weather_code: z.number().int().nullable().optional(),
  }),
});

/** The reading in an Open-Meteo `current` response, or null when the body is not one. */
export function parseForecast(body: unknown, city: string): WeatherReading | null {
  const parsed = forecastSchema.safeParse(body);
  if (!parsed.success) return null;
  return { temperatureC: parsed.data.current.temperature_2m, weatherCode: parsed.data.current.weather_code ?? null, city };
}

export function forecastUrl(baseUrl: string, place: WeatherPlace): string {
  const url = new URL('/v1/forecast', baseUrl);
  url.searchParams.set('latitude', String(place.latitude));
  url.searchParams.set('longitude', String(place.longitude));
  url.searchParams.set('current', 'temperature_2m,weather_code');
  return url.toString();
}

/** "14.8 °C" — one decimal, as the header shows it. */
export function formatTemperature(celsius: number): string {
  return `${celsius.toFixed(1)} °C`;
}

export type WeatherClientOptions = {
  baseUrl: string;
  /** How long a good reading counts as fresh. */
  ttlMs: number;
  /** A slow endpoint must never hold up the page. */
  timeoutMs?: number;
  /** Failures are remembered too, so a dead endpoint is asked at most this often. */
  failureTtlMs?: number;
  /** How long past its TTL a good reading may still be shown while a refresh runs or fails. */
  maxStaleMs?: number;
  now?: () => number;
};

type Entry = { reading: WeatherReading | null; staleAt: number; discardAt: number };

/**
 * A fetcher with an in-process cache keyed by URL and city. It never throws: a timeout, an
 * error status or an unexpected body all become null, which the header treats as "no widget".
 *
 * Only the first request for a place waits for the endpoint (at most `timeoutMs`). After
 * that a stale entry is served at once while one background refresh runs, so a slow or dead
 * endpoint costs readers nothing; a good reading is dropped once it is `maxStaleMs` past due.
 */
export function createWeatherClient(options: WeatherClientOptions) {
  const { baseUrl, ttlMs, timeoutMs = 1500, now = Date.now } = options;
  const failureTtlMs = options.failureTtlMs ?? Math.min(ttlMs, 60_000);
  const maxStaleMs = options.maxStaleMs ?? ttlMs * 3;
  const entries = new Map<string, Entry>();
  const inflight = new Map<string, Promise<void>>();

  async function load(url: string, city: string): Promise<WeatherReading | null> {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
      if (!res.ok) return null;
      return parseForecast(await res.json(), city);
    } catch {
      return null;
    }
  }

  function refresh(key: string, url: string, city: string): Promise<void> {
    const running = inflight.get(key);
    if (running) return running;
    const task = load(url, city)
      .then((reading) => {
        const t = now();
        const prev = entries.get(key);
        if (reading) {
          entries.set(key, { reading, staleAt: t + ttlMs, discardAt: t + ttlMs + maxStaleMs });
        } else {
          // Keep showing the last good reading while it is recent enough; "nothing" can be served for ever.
          const keep = prev?.reading && t < prev.discardAt ? prev : null;
          entries.set(key, { reading: keep?.reading ?? null, staleAt: t + failureTtlMs, discardAt: keep ? keep.discardAt : Number.POSITIVE_INFINITY });
        }
      })
      .finally(() => inflight.delete(key));
    inflight.set(key, task);
    return task;
  }

  return {
    async get(place: WeatherPlace): Promise<WeatherReading | null> {
      const url = forecastUrl(baseUrl, place);
      const key = `${url}#${place.city}`;
      const t = now();
      const entry = entries.get(key);
      if (entry && t < entry.staleAt) return entry.reading;
      const pending = refresh(key, url, place.city);
      if (entry && t < entry.discardAt) return entry.reading;
      await pending;
      return entries.get(key)?.reading ?? null;
    },
    /** Resolves when no refresh is running (tests). */
    async settled(): Promise<void> {
      await Promise.all(inflight.values());
    },
  };
}
