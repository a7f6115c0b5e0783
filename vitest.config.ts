// Two test layers (see package.json): `unit` runs beside the code with no database;
// `int` runs against a real, freshly migrated database that scripts/test-integration.ts
// creates per provider, so it must not be run on its own against the dev database.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

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
          name: 'int',
          include: ['**/*.int.test.ts'],
          exclude: ['**/node_modules/**', '.next/**', 'e2e/**', 'lib/generated/**'],
          setupFiles: ['test/int-setup.ts'],
          // Every file shares the one database of this run: one file at a time.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // As Playwright in CI: a test that fails once is run again and reported as flaky, so one
          // slow moment on a shared machine does not fail the run (a real failure fails twice).
          retry: process.env.CI ? 1 : 0,
        },
      },
    ],
  },
});
