import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWeatherClient, forecastUrl, formatTemperature, parseForecast } from './open-meteo';

const LONDON = { city: 'London', latitude: 51.5072, longitude: -0.1276 };

describe('parseForecast', () => {
  it('reads temperature and weather code from an Open-Meteo current block', () => {
    expect(parseForecast({ latitude: 51.5, current: { time: '2026-11-29T14:00', temperature_2m: 14.8, weather_code: 3 } }, 'London')).toEqual({
      temperatureC: 14.8,
      weatherCode: 3,
      city: 'London',
    });
  });

  it('rejects bodies that are not a forecast', () => {
    for (const body of [null, 'hot', {}, { current: {} }, { current: { temperature_2m: '14.8' } }, { current: { temperature_2m: null } }, { error: true, reason: 'x' }]) {
      expect(parseForecast(body, 'London')).toBeNull();
    }
  });

  it('formats one decimal', () => {
    expect(formatTemperature(14.8)).toBe('14.8 °C');
    expect(formatTemperature(-3)).toBe('-3.0 °C');
  });

  it('builds the forecast URL with coordinates and fields', () => {
    const url = new URL(forecastUrl('http://127.0.0.1:9/', LONDON));
    expect(url.pathname).toBe('/v1/forecast');
    expect(url.searchParams.get('latitude')).toBe('51.5072');
    expect(url.searchParams.get('longitude')).toBe('-0.1276');
    expect(url.searchParams.get('current')).toBe('temperature_2m,weather_code');
  });
});

describe('createWeatherClient against a real HTTP stub', () => {
  let server: http.Server;
  let baseUrl: string;
  let mode: 'ok' | 'fail' | 'stall' | 'garbage' = 'ok';
  let hits = 0;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits++;
      if (mode === 'stall') {
        setTimeout(() => res.end('{}'), 3000).unref();
        return;
      }
      if (mode === 'fail') {
        res.writeHead(500).end('down');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(mode === 'garbage' ? '<html>' : JSON.stringify({ current: { temperature_2m: 14.8, weather_code: 2 } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    mode = 'ok';
    hits = 0;
  });

  it('returns the reading and serves repeats from the cache until the TTL passes', async () => {
    let clock = 1_000;
    const client = createWeatherClient({ baseUrl, ttlMs: 600_000, now: () => clock });
    expect(await client.get(LONDON)).toMatchObject({ temperatureC: 14.8, city: 'London' });
    await Promise.all([client.get(LONDON), client.get(LONDON)]);
    expect(hits).toBe(1);
    clock += 600_001;
    await client.get(LONDON);
    await client.settled();
    expect(hits).toBe(2);
  });

  it('shares one request between concurrent callers', async () => {
    const client = createWeatherClient({ baseUrl, ttlMs: 600_000 });
    const readings = await Promise.all([client.get(LONDON), client.get(LONDON), client.get(LONDON)]);
    expect(readings.every((r) => r?.temperatureC === 14.8)).toBe(true);
    expect(hits).toBe(1);
  });

  it('keys the cache by place', async () => {
    const client = createWeatherClient({ baseUrl, ttlMs: 600_000 });
    await client.get(LONDON);
    expect(await client.get({ city: 'Paris', latitude: 48.8566, longitude: 2.3522 })).toMatchObject({ city: 'Paris' });
    expect(hits).toBe(2);
  });

  it('returns null on an error status and remembers the failure briefly', async () => {
    let clock = 1_000;
    mode = 'fail';
    const client = createWeatherClient({ baseUrl, ttlMs: 600_000, failureTtlMs: 30_000, now: () => clock });
    expect(await client.get(LONDON)).toBeNull();
    expect(await client.get(LONDON)).toBeNull();
    expect(hits).toBe(1);
    mode = 'ok';
    clock += 30_001;
    // The remembered failure is served at once while the endpoint is asked again behind it.
    expect(await client.get(LONDON)).toBeNull();
    await client.settled();
    expect(hits).toBe(2);
    expect(await client.get(LONDON)).toMatchObject({ temperatureC: 14.8 });
  });

  it('serves a stale reading at once while a stalled endpoint is refreshed, then drops it when too old', async () => {
    let clock = 1_000;
    const client = createWeatherClient({ baseUrl, ttlMs: 60_000, maxStaleMs: 120_000, failureTtlMs: 10_000, timeoutMs: 200, now: () => clock });
    expect(await client.get(LONDON)).toMatchObject({ temperatureC: 14.8 });
    mode = 'stall';
    clock += 60_001;
    const started = performance.now();
    expect(await client.get(LONDON)).toMatchObject({ temperatureC: 14.8 });
    expect(performance.now() - started).toBeLessThan(100);
    await client.settled();
    // The refresh timed out; the good reading is still recent enough to show.
    expect(await client.get(LONDON)).toMatchObject({ temperatureC: 14.8 });
    mode = 'fail';
    clock += 120_000;
    await client.get(LONDON);
    await client.settled();
    expect(await client.get(LONDON)).toBeNull();
  });

  it('returns null for a body that is not JSON', async () => {
    mode = 'garbage';
    expect(await createWeatherClient({ baseUrl, ttlMs: 1000 }).get(LONDON)).toBeNull();
  });

  it('gives up on a stalled endpoint at the timeout', async () => {
    mode = 'stall';
    const client = createWeatherClient({ baseUrl, ttlMs: 600_000, timeoutMs: 300 });
    const started = performance.now();
    expect(await client.get(LONDON)).toBeNull();
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1500);
  });

  it('returns null when nothing listens', async () => {
    const client = createWeatherClient({ baseUrl: 'http://127.0.0.1:9', ttlMs: 1000 });
    expect(await client.get(LONDON)).toBeNull();
  });

  it('uses a 1.5 s timeout by default', async () => {
    mode = 'stall';
    const started = performance.now();
    expect(await createWeatherClient({ baseUrl, ttlMs: 1000 }).get(LONDON)).toBeNull();
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(2500);
  });
});
