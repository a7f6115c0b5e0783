// Two test layers (see package.json): `unit` runs beside the code with no database;
// `int` runs against a real, freshly migrated database that scripts/test-integration.ts
// creates per provider, so it must not be run on its own against the dev database.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

/**
 * Integration test files that change the process for the files after them (environment variables
 * read once by lib/env, module mocks, a process-wide server started): each runs in a fresh module graph, before the rest, which
 * share one (importing Prisma and the domain once instead of once per file makes the run about
 * three times cheaper). test/int-isolation.test.ts keeps this list honest.
 */
export const ISOLATED_INT_FILES = [
  'app/(dashboard)/admin/articles/actions.int.test.ts',
  'app/(dashboard)/admin/planning/actions.int.test.ts',
  'lib/cache/shared.int.test.ts',
  'lib/collab/connect.int.test.ts',
  'lib/db-replicas.int.test.ts',
  'lib/import/job/ghost.int.test.ts',
  'lib/media/media.int.test.ts',
  'lib/redis.int.test.ts',
  'lib/seo/sitemaps.int.test.ts',
  'lib/settings/store.int.test.ts',
  'lib/webhooks/destination.int.test.ts',
];
const INT_EXCLUDE = ['**/node_modules/**', '.next/**', 'e2e/**', 'lib/generated/**'];
const INT_OPTIONS = {
  setupFiles: ['test/int-setup.ts'],
  // Every file shares the one database of this run: one file at a time.
  fileParallelism: false,
  testTimeout: 30_000,
  hookTimeout: 30_000,
  // As Playwright in CI: a test that fails once is run again and reported as flaky, so one
  // slow moment on a shared machine does not fail the run (a real failure fails twice).
  retry: process.env.CI ? 1 : 0,
};

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside a react-server bundle; lib/ modules import it on line 1.
      { find: /^server-only$/, replacement: path.join(root, 'test/empty.ts') },
      // graphql has no `exports`: Node loads its CommonJS build for the libraries (Pothos, Yoga) and
      // Vite would give our code the ES build, two realms whose types cannot mix. One build for all.
      { find: /^graphql$/, replacement: path.join(root, 'node_modules/graphql/index.js') },
    ],
  },
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // scrypt (~100 ms a hash) is deliberately slow; a busy CI machine must not turn that into failures.
          testTimeout: 30_000,
          include: ['**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**', '.next/**', 'e2e/**', 'lib/generated/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'int-isolated',
          include: ISOLATED_INT_FILES,
          exclude: INT_EXCLUDE,
          ...INT_OPTIONS,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['**/*.int.test.ts'],
          exclude: [...INT_EXCLUDE, ...ISOLATED_INT_FILES],
          ...INT_OPTIONS,
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
