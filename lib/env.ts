import 'server-only';
import { z } from 'zod';
import path from 'node:path';
import { productionUrlProblem } from '@/lib/auth/auth-url';
import { parseSignInLimits } from '@/lib/auth/throttle-rules';
import { parseTrustProxy } from '@/lib/client-ip';
import { databaseUrl, providerOf, ROOT } from '@/lib/db-config';
import { readOrCreateDevSecrets } from '@/lib/dev-secrets';

/**
 * Every environment variable Broadsheet reads, parsed once.
 *
 * Modes: `production` (the default under NODE_ENV=production) refuses to start
 * without a real NEXTAUTH_SECRET (or AUTH_SECRET) and DATABASE_URL; `demo` (what
 * `npm start` uses) and `development` fall back to an embedded SQLite database
 * and to secrets generated once into data/dev-secrets.json (git-ignored).
 */
const modeSchema = z.enum(['development', 'demo', 'production', 'test']);

const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.url().optional());

const schema = z
  .object({
    BROADSHEET_ENV: modeSchema,
    DATABASE_URL: z.string().min(1),
    /** PostgreSQL pool (a parameter in DATABASE_URL wins): most connections per process. */
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
    /** Connecting, or waiting for a free pooled connection, gives up after this long (ms). */
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(3000),
    /** The server cancels a statement running longer than this (ms; 0: never); the client gives up 1 s later. */
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
    /** Idle pooled connections close after this long (ms). */
    DATABASE_IDLE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
    /** TCP keep-alive probes on pooled connections start after this much idle time (ms; 0: off). */
    DATABASE_KEEPALIVE_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
    NEXTAUTH_SECRET: z.string().min(32, 'NEXTAUTH_SECRET (or AUTH_SECRET) must be at least 32 characters'),
    NEXTAUTH_URL: optionalUrl,
    WEATHER_API_URL: z.url().default('https://api.open-meteo.com'),
    /** How long a weather reading is reused; tests shorten it to see a changed endpoint quickly. */
    WEATHER_CACHE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
    /** The public origin used in canonical URLs, feeds, sitemaps and structured data. */
    SITE_URL: z.url().transform((v) => v.replace(/\/+$/, '')),
    REDIS_URL: optionalUrl,
    SMTP_URL: optionalUrl,
    /**
     * Seconds a human needs at least between the comment form being served and posted (0 turns the rule off).
     * Unset: the comment settings page decides (3 s by default); set, it overrides that setting.
     */
    COMMENT_MIN_SECONDS: z.coerce.number().min(0).max(3600).optional(),
    /** Reverse proxies in front of the site whose X-Forwarded-For is believed: `off` (the default: the socket address) or a hop count. */
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((v, ctx) => {
        try {
          return parseTrustProxy(v);
        } catch (e) {
          ctx.addIssue({ code: 'custom', message: (e as Error).message });
          return z.NEVER;
        }
      }),
    /** Comment flood limits, e.g. `ip:1/15,ip:20/3600,email:1/15,email:20/3600` (points/seconds), or `off`; see lib/comments/rate-limit. */
    COMMENT_RATE_LIMITS: z.string().trim().default('ip:1/15,ip:20/3600,email:1/15,email:20/3600'),
    /** Limits on readers' "Report" under comments, same format (only ip: rules apply), or `off`. */
    REPORT_RATE_LIMITS: z.string().trim().default('ip:10/3600'),
    /** Failed sign-ins allowed per account and per client network, as `account:5/900,ip:20/900` (points/seconds), or `off`; see lib/auth/throttle. */
    SIGN_IN_LIMITS: z
      .string()
      .trim()
      .default('account:5/900,ip:20/900')
      .superRefine((v, ctx) => {
        try {
          parseSignInLimits(v);
        } catch (e) {
          ctx.addIssue({ code: 'custom', message: (e as Error).message });
        }
      }),
    /**
     * The origin staff open the dashboard on, which passkeys are bound to (its host name is the WebAuthn
     * relying party id). Defaults to NEXTAUTH_URL's origin, else SITE_URL's.
     */
    PASSKEY_ORIGIN: optionalUrl,
    /** Content API requests per key, as `points/seconds` (e.g. `600/60`), or `off`; see lib/api/rate-limit. */
    API_RATE_LIMIT: z.string().trim().default('600/60'),
    /** First webhook retry delay in ms; each later one is 4× longer (30 s, 2 min, 8 min, …). Tests shorten it. */
    WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(30_000),
    /** How long a webhook receiver may take to answer before the attempt counts as failed. */
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /** Background jobs (lib/jobs) one instance runs at once. */
    JOB_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
    /** First retry delay of a failed job in ms; each later one is 4× longer. Tests shorten it. */
    JOB_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(10_000),
    /** `1` lets webhooks reach loopback and private-network addresses (intranet receivers, tests); refused otherwise. */
    WEBHOOK_ALLOW_PRIVATE: z
      .enum(['0', '1', 'true', 'false', ''])
      .default('')
      .transform((v) => v === '1' || v === 'true'),
    /** The largest export file /admin/import accepts, in megabytes (default 1 GiB); it is streamed to disk. */
    IMPORT_MAX_UPLOAD_MB: z.coerce.number().positive().max(102_400).default(1024),
    /** Where uploaded export files and export archives are kept while their job runs. */
    IMPORT_DIR: z.string().min(1),
    /** How long an imported image may take to download (ms). */
    IMPORT_FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
    /** How long a draft's preview link works (hours; default a week). */
    PREVIEW_LINK_HOURS: z.coerce
      .number()
      .min(0.001)
      .max(24 * 90)
      .default(168),
    /** Where uploaded images live: `local` (files under MEDIA_DIR, served at /media/…) or `s3` (any S3-compatible bucket). */
    MEDIA_STORAGE: z.enum(['local', 's3']).default('local'),
    MEDIA_DIR: z.string().min(1),
    /** The largest upload accepted, in megabytes. */
    MEDIA_MAX_UPLOAD_MB: z.coerce.number().positive().max(200).default(10),
    /** Images processed at once by this instance (decode, renditions, crops); others wait their turn. */
    MEDIA_PROCESSING_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
    /** Uploads per user as `points/seconds` (default 60 in 10 minutes), or `off`; shared through Redis when REDIS_URL is set. */
    MEDIA_UPLOAD_RATE_LIMIT: z.string().trim().default('60/600'),
    S3_ENDPOINT: optionalUrl,
    S3_BUCKET: z.string().trim().optional(),
    S3_REGION: z.string().trim().default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().trim().optional(),
    S3_SECRET_ACCESS_KEY: z.string().trim().optional(),
    /** With temporary credentials (STS, an instance or task role): their session token. */
    S3_SESSION_TOKEN: z.string().trim().optional(),
    /** Public base URL of the bucket's objects (a CDN or the bucket's website address). */
    S3_PUBLIC_URL: optionalUrl,
    /** PostgreSQL streaming replicas for public reads, comma separated (lib/db.ts withReadReplicas). */
    DATABASE_REPLICA_URLS: z
      .string()
      .trim()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((u) => u.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^postgres(ql)?:\/\//, 'each replica URL must be postgresql://…'))),
    /** The CDN to purge when pages change (lib/cdn/purge.ts): `fastly`, `cloudflare`, `http` (a hook of your own) or `off`. */
    CDN_PURGE: z.enum(['off', 'fastly', 'cloudflare', 'http']).default('off'),
    FASTLY_API_URL: z.string().trim().url().default('https://api.fastly.com'),
    FASTLY_SERVICE_ID: z.string().trim().optional(),
    FASTLY_API_TOKEN: z.string().trim().optional(),
    CLOUDFLARE_API_URL: z.string().trim().url().default('https://api.cloudflare.com/client/v4'),
    CLOUDFLARE_ZONE_ID: z.string().trim().optional(),
    CLOUDFLARE_API_TOKEN: z.string().trim().optional(),
    /** CDN_PURGE=http: the URL that gets POST { tags: [...] }. */
    CDN_PURGE_URL: optionalUrl,
    /** CDN_PURGE=http: sent as `Authorization: Bearer …` when set. */
    CDN_PURGE_TOKEN: z.string().trim().optional(),
    /** Article URLs per child sitemap (/sitemaps/articles-N.xml); the protocol allows 50,000, tests use a handful. */
    SITEMAP_URLS_PER_FILE: z.coerce.number().int().min(1).max(50_000).default(10_000),
  })
  .superRefine((v, ctx) => {
    const needs = { fastly: ['FASTLY_SERVICE_ID', 'FASTLY_API_TOKEN'], cloudflare: ['CLOUDFLARE_ZONE_ID', 'CLOUDFLARE_API_TOKEN'], http: ['CDN_PURGE_URL'], off: [] } as const;
    for (const key of needs[v.CDN_PURGE]) if (!v[key]) ctx.addIssue({ code: 'custom', path: [key], message: `${key} is required when CDN_PURGE=${v.CDN_PURGE}` });
  })
  .superRefine((v, ctx) => {
    if (v.MEDIA_STORAGE !== 's3') return;
    for (const key of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_PUBLIC_URL'] as const) {
      if (!v[key]) ctx.addIssue({ code: 'custom', path: [key], message: `${key} is required when MEDIA_STORAGE=s3` });
    }
  });

export type Env = z.infer<typeof schema> & { DATABASE_PROVIDER: 'sqlite' | 'postgresql' };

function load(): Env {
  const e = process.env;
  const mode = modeSchema.parse(e.BROADSHEET_ENV ?? (e.NODE_ENV === 'production' ? 'production' : 'development'));
  const secret = e.NEXTAUTH_SECRET || e.AUTH_SECRET;
  // `next build` imports server modules with NODE_ENV=production but no runtime secrets;
  // the real check happens when the server starts.
  const building = e.NEXT_PHASE === 'phase-production-build';
  if (mode === 'production' && !building) {
    const missing = [!secret && 'NEXTAUTH_SECRET (or AUTH_SECRET)', !e.DATABASE_URL && 'DATABASE_URL'].filter(Boolean);
    if (missing.length) {
      throw new Error(`Broadsheet refuses to start in production without ${missing.join(' and ')}. ` + 'Set them in the environment, or run the demo with `npm start` (BROADSHEET_ENV=demo).');
    }
    const httpsProblem = productionUrlProblem(e);
    if (httpsProblem) throw new Error(httpsProblem);
  }
  const parsed = schema.safeParse({
    BROADSHEET_ENV: mode,
    DATABASE_URL: databaseUrl(e.DATABASE_URL),
    DATABASE_POOL_MAX: e.DATABASE_POOL_MAX || undefined,
    DATABASE_CONNECT_TIMEOUT_MS: e.DATABASE_CONNECT_TIMEOUT_MS || undefined,
    DATABASE_STATEMENT_TIMEOUT_MS: e.DATABASE_STATEMENT_TIMEOUT_MS || undefined,
    DATABASE_IDLE_TIMEOUT_MS: e.DATABASE_IDLE_TIMEOUT_MS || undefined,
    DATABASE_KEEPALIVE_MS: e.DATABASE_KEEPALIVE_MS || undefined,
    NEXTAUTH_SECRET: secret || (mode === 'production' ? 'build-time-placeholder-never-used-to-sign-anything' : readOrCreateDevSecrets().nextAuthSecret),
    NEXTAUTH_URL: e.NEXTAUTH_URL,
    WEATHER_API_URL: e.WEATHER_API_URL || undefined,
    WEATHER_CACHE_SECONDS: e.WEATHER_CACHE_SECONDS || undefined,
    // NEXTAUTH_URL is already the public address on most deployments; localhost only as a last resort.
    SITE_URL: e.SITE_URL?.trim() || (e.NEXTAUTH_URL && URL.canParse(e.NEXTAUTH_URL.trim()) ? new URL(e.NEXTAUTH_URL.trim()).origin : `http://localhost:${e.PORT || 3000}`),
    REDIS_URL: e.REDIS_URL,
    SMTP_URL: e.SMTP_URL,
    COMMENT_MIN_SECONDS: e.COMMENT_MIN_SECONDS || undefined,
    COMMENT_RATE_LIMITS: e.COMMENT_RATE_LIMITS || undefined,
    REPORT_RATE_LIMITS: e.REPORT_RATE_LIMITS || undefined,
    TRUST_PROXY: e.TRUST_PROXY,
    API_RATE_LIMIT: e.API_RATE_LIMIT || undefined,
    SIGN_IN_LIMITS: e.SIGN_IN_LIMITS || undefined,
    PASSKEY_ORIGIN: e.PASSKEY_ORIGIN,
    WEBHOOK_RETRY_BASE_MS: e.WEBHOOK_RETRY_BASE_MS || undefined,
    WEBHOOK_TIMEOUT_MS: e.WEBHOOK_TIMEOUT_MS || undefined,
    WEBHOOK_ALLOW_PRIVATE: e.WEBHOOK_ALLOW_PRIVATE?.trim().toLowerCase() || undefined,
    PREVIEW_LINK_HOURS: e.PREVIEW_LINK_HOURS || undefined,
    IMPORT_MAX_UPLOAD_MB: e.IMPORT_MAX_UPLOAD_MB || undefined,
    IMPORT_DIR: path.resolve(ROOT, e.IMPORT_DIR || 'data/imports'),
    IMPORT_FETCH_TIMEOUT_MS: e.IMPORT_FETCH_TIMEOUT_MS || undefined,
    JOB_CONCURRENCY: e.JOB_CONCURRENCY || undefined,
    JOB_RETRY_BASE_MS: e.JOB_RETRY_BASE_MS || undefined,
    MEDIA_STORAGE: e.MEDIA_STORAGE || undefined,
    MEDIA_DIR: path.resolve(ROOT, e.MEDIA_DIR || 'data/media'),
    MEDIA_MAX_UPLOAD_MB: e.MEDIA_MAX_UPLOAD_MB || undefined,
    MEDIA_PROCESSING_CONCURRENCY: e.MEDIA_PROCESSING_CONCURRENCY || undefined,
    MEDIA_UPLOAD_RATE_LIMIT: e.MEDIA_UPLOAD_RATE_LIMIT || undefined,
    S3_ENDPOINT: e.S3_ENDPOINT,
    S3_BUCKET: e.S3_BUCKET || undefined,
    S3_REGION: e.S3_REGION || undefined,
    S3_ACCESS_KEY_ID: e.S3_ACCESS_KEY_ID || undefined,
    S3_SECRET_ACCESS_KEY: e.S3_SECRET_ACCESS_KEY || undefined,
    S3_SESSION_TOKEN: e.S3_SESSION_TOKEN || undefined,
    S3_PUBLIC_URL: e.S3_PUBLIC_URL,
    SITEMAP_URLS_PER_FILE: e.SITEMAP_URLS_PER_FILE || undefined,
    DATABASE_REPLICA_URLS: e.DATABASE_REPLICA_URLS || undefined,
    CDN_PURGE: e.CDN_PURGE?.trim().toLowerCase() || undefined,
    FASTLY_API_URL: e.FASTLY_API_URL || undefined,
    FASTLY_SERVICE_ID: e.FASTLY_SERVICE_ID || undefined,
    FASTLY_API_TOKEN: e.FASTLY_API_TOKEN || undefined,
    CLOUDFLARE_API_URL: e.CLOUDFLARE_API_URL || undefined,
    CLOUDFLARE_ZONE_ID: e.CLOUDFLARE_ZONE_ID || undefined,
    CLOUDFLARE_API_TOKEN: e.CLOUDFLARE_API_TOKEN || undefined,
    CDN_PURGE_URL: e.CDN_PURGE_URL,
    CDN_PURGE_TOKEN: e.CDN_PURGE_TOKEN || undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, DATABASE_PROVIDER: providerOf(parsed.data.DATABASE_URL) };
}

export const env: Env = load();
export const isProduction = env.BROADSHEET_ENV === 'production';

// Outside production next-auth may trust the Host header, so sign-in and sign-out
// redirects work on any local port without NEXTAUTH_URL. In production it takes its base URL
// (redirects, Secure cookies) from NEXTAUTH_URL: the site's https address serves when only SITE_URL is set.
if (!isProduction) process.env.AUTH_TRUST_HOST ??= 'true';
else process.env.NEXTAUTH_URL ??= env.SITE_URL;
