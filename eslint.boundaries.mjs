// Dependencies point one way: app/ → components/ → lib/ → Prisma (eslint.config.mjs applies
// these blocks; test/import-boundaries.test.ts proves them). Each block lists every restriction
// for its files, because a later block's options for a rule replace an earlier one's.
const TESTS = ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'e2e/**'];
const noAppImports = {
  regex: '^(@/|(\\.\\.?/)+)app(/|$)',
  message: 'components/ and lib/ never import from app/: move the type or helper into lib/, or pass the server action in as a prop.',
};
const noScriptsImports = {
  regex: '^(@/|(\\.\\.?/)+)scripts(/|$)',
  message: 'Runtime lib/ and components/ never import from scripts/: put what both need in lib/ (as lib/db-config.ts) and have the script import it.',
};
const noOldFixtures = {
  regex: '(^|/)scripts/test(/|$)',
  message: 'Test fixtures live in the top-level test/ folder (@/test/fixtures).',
};
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

/** @type {import('eslint').Linter.Config[]} */
export const importBoundaries = [
  { files: ['**/*.{ts,tsx,mts,mjs,js}'], rules: restrict(noOldFixtures) },
  { files: ['components/**', 'lib/**'], rules: restrict(noAppImports, noOldFixtures) },
  { files: ['components/**', 'lib/**'], ignores: TESTS, rules: restrict(noAppImports, noScriptsImports, noOldFixtures) },
];
