import 'server-only';

/**
 * Ends the process with the reason when the environment is unfit (in production: no real secret,
 * no database, or a site address that is not https), so a bad deploy fails at start, not with 500s.
 */
export async function exitUnlessEnvironmentIsFit(): Promise<void> {
  try {
    await import('@/lib/env');
  } catch (e) {
    console.error(`\n${(e as Error).message}\n`);
    process.exit(1);
  }
}
