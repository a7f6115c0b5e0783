// Runs before each integration test file (vitest `int` project).
import { afterAll } from 'vitest';
import { databaseUrl } from '../lib/db-config.ts';
import { assertLocalDatabase } from './assert-local-database.ts';

// Without the runner, DATABASE_URL would fall back to the development database and the
// tests would write fixtures into it.
if (process.env.BROADSHEET_ENV !== 'test') {
  throw new Error('Integration tests run through `npm run test:int`, which creates a throwaway database per provider.');
}
assertLocalDatabase(databaseUrl());

afterAll(async () => {
  // Close the pool so the runner can drop the database without waiting for idle connections.
  const g = globalThis as { broadsheetDb?: { $disconnect(): Promise<void> } };
  await g.broadsheetDb?.$disconnect();
  delete g.broadsheetDb; // a worker reused for the next file must not pick up the closed client
});
