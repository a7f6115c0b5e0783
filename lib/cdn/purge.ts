import 'server-only';
import { onLocalInvalidation } from '@/lib/cache/shared.mjs';
import { env } from '@/lib/env';

// Purges the CDN in front of the site when pages change. Every invalidation made in this process
// (lib/cache/shared.mjs: the instance where the change happened; instances that hear of it over
// Redis never purge) is queued here; the queue is sent after a short pause, so one publish that
// invalidates a dozen tags is one request, split to the provider's per-request limit. A failed
// request (network, 429, 5xx) is retried with back-off; every purge and every failure is logged.
//   CDN_PURGE=fastly      POST {FASTLY_API_URL}/service/{FASTLY_SERVICE_ID}/purge  { surrogate_keys }  Fastly-Key
//   CDN_PURGE=cloudflare  POST {CLOUDFLARE_API_URL}/zones/{CLOUDFLARE_ZONE_ID}/purge_cache  { tags }  Bearer token
//   CDN_PURGE=http        POST {CDN_PURGE_URL}  { tags }  (Bearer CDN_PURGE_TOKEN when set)
// The responses carry the same tags (./tags.mjs).

export type PurgeAdapter = { name: string; batchSize: number; send(tags: string[], signal: AbortSignal): Promise<Response> };
export type PurgeConfig = Pick<
  typeof env,
  'CDN_PURGE' | 'FASTLY_API_URL' | 'FASTLY_SERVICE_ID' | 'FASTLY_API_TOKEN' | 'CLOUDFLARE_API_URL' | 'CLOUDFLARE_ZONE_ID' | 'CLOUDFLARE_API_TOKEN' | 'CDN_PURGE_URL' | 'CDN_PURGE_TOKEN'
>;

const post = (url: string, headers: Record<string, string>, body: unknown, signal: AbortSignal) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: JSON.stringify(body), signal });

/** The adapter env configures, or null (CDN_PURGE=off). */
export function purgeAdapter(config: PurgeConfig = env): PurgeAdapter | null {
  switch (config.CDN_PURGE) {
    case 'fastly':
      return {
        name: 'fastly',
        // Fastly takes up to 256 surrogate keys per purge request.
        batchSize: 256,
        send: (tags, signal) =>
          post(
            `${config.FASTLY_API_URL.replace(/\/$/, '')}/service/${encodeURIComponent(config.FASTLY_SERVICE_ID!)}/purge`,
            { 'fastly-key': config.FASTLY_API_TOKEN! },
            { surrogate_keys: tags },
            signal,
          ),
      };
    case 'cloudflare':
      return {
        name: 'cloudflare',
        // Cloudflare takes up to 30 tags per purge_cache call.
        batchSize: 30,
        send: (tags, signal) =>
          post(
            `${config.CLOUDFLARE_API_URL.replace(/\/$/, '')}/zones/${encodeURIComponent(config.CLOUDFLARE_ZONE_ID!)}/purge_cache`,
            { authorization: `Bearer ${config.CLOUDFLARE_API_TOKEN}` },
            { tags },
            signal,
          ),
      };
    case 'http':
      return {
        name: 'http',
        batchSize: 500,
        send: (tags, signal) => post(config.CDN_PURGE_URL!, config.CDN_PURGE_TOKEN ? { authorization: `Bearer ${config.CDN_PURGE_TOKEN}` } : {}, { tags }, signal),
      };
    default:
      return null;
  }
}

export type Purger = { queue(tags: string[]): void; flush(): Promise<void>; stop(): Promise<void> };

/**
 * A queue that sends tags to `adapter` in batches: `delayMs` after the first queued tag,
 * `attempts` tries per batch with `retryMs` × 4^n between them.
 */
export type PurgeLog = Pick<Console, 'info' | 'warn' | 'error'>;

export function createPurger(
  adapter: PurgeAdapter,
  { delayMs = 50, attempts = 4, retryMs = 500, timeoutMs = 10_000, log = console as PurgeLog }: { delayMs?: number; attempts?: number; retryMs?: number; timeoutMs?: number; log?: PurgeLog } = {},
): Purger {
  const waiting = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let sending: Promise<void> = Promise.resolve();

  async function sendBatch(tags: string[]) {
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      let problem: string;
      let retry = true;
      try {
        const res = await adapter.send(tags, AbortSignal.timeout(timeoutMs));
        await res.text().catch(() => '');
        if (res.ok) {
          log.info(`cdn: purged ${tags.length} tag${tags.length === 1 ? '' : 's'} (${adapter.name}, ${Date.now() - started} ms): ${tags.slice(0, 5).join(' ')}${tags.length > 5 ? ' …' : ''}`);
          return;
        }
        problem = `HTTP ${res.status}`;
        retry = res.status === 429 || res.status >= 500;
      } catch (e) {
        problem = e instanceof Error ? e.message : String(e);
      }
      if (!retry || attempt >= attempts) {
        log.error(`cdn: could not purge ${tags.length} tag(s) (${adapter.name}: ${problem}, ${attempt} attempt(s)); those pages stay cached at the CDN until they expire: ${tags.join(' ')}`);
        return;
      }
      log.warn(`cdn: purge failed (${adapter.name}: ${problem}), retrying`);
      await new Promise((r) => setTimeout(r, retryMs * 4 ** (attempt - 1)));
    }
  }

  function flushNow(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const tags = [...waiting];
    waiting.clear();
    if (tags.length) {
      const batches: string[][] = [];
      for (let i = 0; i < tags.length; i += adapter.batchSize) batches.push(tags.slice(i, i + adapter.batchSize));
      // One batch at a time, in order: a CDN API is not flooded by a burst of publishes.
      sending = sending.then(async () => {
        for (const batch of batches) await sendBatch(batch);
      });
    }
    return sending;
  }

  return {
    queue(tags) {
      for (const t of tags) waiting.add(t);
      if (!timer && waiting.size) {
        timer = setTimeout(() => void flushNow(), delayMs);
        timer.unref();
      }
    },
    flush: flushNow,
    stop: flushNow,
  };
}

const g = globalThis as { broadsheetCdnPurger?: { purger: Purger; off: () => void } };

/** Purges the configured CDN on every invalidation made in this process (instrumentation.ts). Returns the purger, or null when CDN_PURGE is off. */
export function startCdnPurging(config: PurgeConfig = env): Purger | null {
  if (g.broadsheetCdnPurger) return g.broadsheetCdnPurger.purger;
  const adapter = purgeAdapter(config);
  if (!adapter) return null;
  const purger = createPurger(adapter);
  const off = onLocalInvalidation((tags) => purger.queue(tags));
  g.broadsheetCdnPurger = { purger, off };
  return purger;
}

/** Stops purging (shutdown, tests): what is queued is sent first. */
export async function stopCdnPurging(): Promise<void> {
  const current = g.broadsheetCdnPurger;
  if (!current) return;
  g.broadsheetCdnPurger = undefined;
  current.off();
  await current.purger.stop();
}
