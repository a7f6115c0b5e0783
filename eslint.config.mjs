import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { importBoundaries } from './eslint.boundaries.mjs';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  ...importBoundaries,
  globalIgnores([
    '.next/**',
    '.next-*/**',
    'node_modules/**',
    'lib/generated/**',
    'next-env.d.ts',
    'test-results/**',
    'test-results-*/**',
    'playwright-report/**',
    'data/**',
    'sdk/dist/**',
    'sdk/src/schema.d.ts',
  ]),
]);
