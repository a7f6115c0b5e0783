// @ts-check
import { fileURLToPath } from 'node:url';

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // A separate build folder lets parallel test runs (E2E) build without clobbering each other.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Native and driver packages stay outside the server bundle.
  serverExternalPackages: [
    'better-sqlite3',
    'sharp',
    '@prisma/adapter-better-sqlite3',
    '@prisma/adapter-pg',
    'pg',
    'sanitize-html',
    'yjs',
    'y-protocols',
    'ws',
    '@hocuspocus/server',
    '@hocuspocus/common',
    '@hocuspocus/extension-redis',
  ],
  typedRoutes: false,
  // `npm test` type-checks in a stage of its own, beside the build; a plain `next build` still does.
  typescript: { ignoreBuildErrors: process.env.BROADSHEET_BUILD_SKIP_TYPECHECK === '1' },
  experimental: {
    // Server actions (every dashboard form, the comment form) carry form fields and article
    // bodies, never files: uploads go to POST /api/media with its own cap (MEDIA_MAX_UPLOAD_MB).
    // 1 MB holds a 100,000-word article with room to spare; Next answers larger bodies 413.
    serverActions: { bodySizeLimit: '1mb' },
    // Turbopack keeps a cache on disk to make the next build faster; a CI run on a clean clone
    // never has a next build, and writing it costs the one it does have most of a minute.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  // Public pages are cached and invalidated by tag (lib/cache); with REDIS_URL the cache and its
  // invalidations are shared by every instance. The handler keeps its own bounded memory cache.
  cacheHandler: fileURLToPath(new URL('./lib/cache/page-cache-handler.mjs', import.meta.url)),
  cacheMaxMemorySize: 0,
  async redirects() {
    // Listings paginate by path (cacheable); older `?page=N` links land on the same page.
    return ['sections', 'tags', 'authors'].map((kind) => ({
      source: `/${kind}/:slug`,
      has: [{ type: /** @type {const} */ ('query'), key: 'page', value: '(?<n>[2-9]|[1-9]\\d{1,4})' }],
      destination: `/${kind}/:slug/page/:n`,
      permanent: true,
    }));
  },
};

export default nextConfig;
