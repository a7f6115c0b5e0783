// Types for ./eslint.boundaries.mjs (read by test/import-boundaries.test.ts).
import type { Linter } from 'eslint';
export declare const importBoundaries: Linter.Config[];
