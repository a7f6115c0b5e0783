// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // A separate build folder lets parallel test runs (E2E) build without clobbering each other.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Native and driver packages stay outside the server bundle.
  serverExternalPackages: ['better-sqlite3', 'sharp', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg', 'pg', 'sanitize-html'],
  typedRoutes: false,
};

export default nextConfig;
