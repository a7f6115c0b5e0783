// Imports a WordPress (WXR), Ghost (JSON) or Broadsheet export into DATABASE_URL, the same way
// the dashboard's /admin/import job does (lib/import/job): idempotent, each item all or nothing.
//   npm run import -- <wordpress|ghost|broadsheet> <file> [--media-dir DIR] [--dry-run] [--site-url URL] [--as admin@example.com]
// Progress goes to stderr; the report to stdout (and the exit code is 0 unless the import failed).
import { existsSync } from 'node:fs';
import { db } from '@/lib/db';
import { ImportFormatError } from '@/lib/import/input';
import { formatReport, reportCounts } from '@/lib/import/job/report';
import { runImport } from '@/lib/import/job/run';
import { importSourceSchema } from '@/lib/import/records';
import { getActiveUserById } from '@/lib/users';

const USAGE = 'Usage: npm run import -- <wordpress|ghost|broadsheet> <file> [--media-dir DIR] [--dry-run] [--site-url URL] [--as ADMIN_EMAIL]';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const opt = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const positional = args.filter((a, i) => !a.startsWith('--') && !['--media-dir', '--as', '--site-url'].includes(args[i - 1] ?? ''));
  const source = importSourceSchema.safeParse(positional[0]);
  const file = positional[1];
  if (!source.success || !file) return fail(USAGE);
  if (!existsSync(file)) return fail(`${file} does not exist.`);
  const mediaDir = opt('--media-dir') ?? null;
  if (mediaDir && !existsSync(mediaDir)) return fail(`The media folder ${mediaDir} does not exist.`);
  const email = opt('--as');
  const admin = await db.user.findFirst({ where: { role: 'ADMIN', deactivatedAt: null, ...(email ? { email: email.toLowerCase() } : {}) }, orderBy: { createdAt: 'asc' }, select: { id: true } });
  const actor = admin && (await getActiveUserById(admin.id));
  if (!actor) return fail(email ? `${email} is not an active admin.` : 'There is no active admin to import as: create one with `npm run db:admin`.');
  const started = performance.now();
  try {
    const report = await runImport({
      source: source.data,
      file,
      mediaDir,
      siteUrl: opt('--site-url') ?? null,
      dryRun: args.includes('--dry-run'),
      actor,
      onProgress: async (r, read) => {
        const pct = read?.totalBytes ? Math.floor((((read.pass - 1) * read.totalBytes + read.bytesRead) / (2 * read.totalBytes)) * 100) : 0;
        const c = reportCounts(r);
        process.stderr.write(`\r${pct}%  ${r.records} records: ${c.imported} imported, ${c.updated} updated, ${c.unchanged} unchanged, ${c.skipped} skipped   `);
      },
    });
    process.stderr.write(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
    process.stdout.write(formatReport(report));
    return 0;
  } catch (e) {
    if (e instanceof ImportFormatError) return fail(`${e.message} Check the source name (${positional[0]}) and the file.`);
    throw e;
  }
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

main()
  .then(async (code) => {
    await db.$disconnect();
    // A piped stdout is written asynchronously: exiting at once would cut a long report short.
    await new Promise((resolve) => process.stdout.write('', resolve));
    process.exit(code);
  })
  .catch(async (e) => {
    console.error(`import failed: ${(e as Error).stack ?? e}`);
    await db.$disconnect();
    process.exit(1);
  });
