// Runs before each integration test file (vitest `int` project).
import { afterAll } from 'vitest';
import { setPasswordHashParams } from '@/lib/auth/password';
import { databaseUrl } from '../lib/db-config.ts';
import { assertLocalDatabase } from './assert-local-database.ts';

// Without the runner, DATABASE_URL would fall back to the development database and the
// tests would write fixtures into it.
if (process.env.BROADSHEET_ENV !== 'test') {
  throw new Error('Integration tests run through `npm run test:int`, which creates a throwaway database per provider.');
}
assertLocalDatabase(databaseUrl());

// Password hashing at OWASP strength is ~100 ms a hash; tests create many users. The real
// parameters have their own unit test (lib/auth/password.test.ts).
setPasswordHashParams({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

afterAll(async () => {
  // Close the pool so the runner can drop the database without waiting for idle connections.
  const g = globalThis as { broadsheetDb?: { $disconnect(): Promise<void> } };
  await g.broadsheetDb?.$disconnect();
  delete g.broadsheetDb; // a worker reused for the next file must not pick up the closed client
});
