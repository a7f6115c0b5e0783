// Exports the whole site as one Broadsheet JSON file (docs/broadsheet-export.schema.json), the
// media originals in `<file>.media.tar` beside it.
//   npm run export -- <file> [--with-personal-data] [--include-notes] [--site-url URL]
//   npm run export -- <file.xml> --format wxr --site-url URL [--with-personal-data]   (for WordPress's importer)
// Commenters' emails and IP hashes are left out unless --with-personal-data is given; the inline
// notes on articles (the newsroom's discussions) unless --include-notes is. Story plans are always in.
import { db } from '@/lib/db';
import { exportSite } from '@/lib/export/write';
import { exportWxr } from '@/lib/export/wxr';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--site-url' && args[i - 1] !== '--format');
  const siteUrl = args.includes('--site-url') ? args[args.indexOf('--site-url') + 1] : null;
  if (file && args.includes('--format') && args[args.indexOf('--format') + 1] === 'wxr') {
    if (!siteUrl) {
      console.error('A WXR export needs --site-url (the address WordPress downloads the images from).');
      return 1;
    }
    const { posts } = await exportWxr(file, siteUrl, { withPersonalData: args.includes('--with-personal-data') });
    console.log(`${file}: ${posts} posts (WXR 1.2)`);
    return 0;
  }
  if (!file) {
    console.error('Usage: npm run export -- <file> [--with-personal-data] [--include-notes] [--site-url URL] [--format wxr]');
    return 1;
  }
  const started = performance.now();
  const summary = await exportSite(file, {
    withPersonalData: args.includes('--with-personal-data'),
    includeNotes: args.includes('--include-notes'),
    siteUrl,
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
