// Exports the whole site as one Broadsheet JSON file (docs/broadsheet-export.schema.json), the
// media originals in `<file>.media.tar` beside it.
//   npm run export -- <file> [--with-personal-data] [--site-url URL]
// Commenters' emails and IP hashes are left out unless --with-personal-data is given.
import { db } from '@/lib/db';
import { exportSite } from '@/lib/export/write';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--site-url');
  if (!file) {
    console.error('Usage: npm run export -- <file> [--with-personal-data] [--site-url URL]');
    return 1;
  }
  const started = performance.now();
  const summary = await exportSite(file, {
    withPersonalData: args.includes('--with-personal-data'),
    siteUrl: args.includes('--site-url') ? args[args.indexOf('--site-url') + 1] : null,
    onProgress: (section, n) => process.stderr.write(`\r${section}: ${n}        `),
  });
  process.stderr.write(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
  console.log(
    `${summary.file}${summary.mediaArchive ? ` and ${summary.mediaArchive}` : ''}: ${Object.entries(summary.counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}`,
  );
  return 0;
}

main()
  .then(async (code) => {
    await db.$disconnect();
    process.exit(code);
  })
  .catch(async (e) => {
    console.error(`export failed: ${(e as Error).stack ?? e}`);
    await db.$disconnect();
    process.exit(1);
  });
