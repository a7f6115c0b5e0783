// Rebuilds the full-text search index (lib/search) from the published articles.
//   tsx --conditions=react-server scripts/search-index.ts             always rebuild
//   tsx --conditions=react-server scripts/search-index.ts --if-needed only when the index
//       does not hold exactly the published articles (after the migration that creates it)
// `npm run db:migrate` runs the second form; `npm run db:reindex` the first.
import { db } from '@/lib/db';
import { rebuildSearchIndex, searchIndexCounts } from '@/lib/search';

async function main() {
  if (process.argv.includes('--if-needed')) {
    const { published, indexed } = await searchIndexCounts();
    if (published === indexed) return;
    console.log(`search index: ${indexed} entries for ${published} published articles, rebuilding`);
  }
  const started = performance.now();
  const n = await rebuildSearchIndex({ onProgress: (done) => process.stdout.write(`  indexed ${done}\r`) });
  process.stdout.write('\n');
  console.log(`search index: ${n} published articles indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (e) => {
    console.error(`search index: ${(e as Error).message}`);
    await db.$disconnect();
    process.exit(1);
  });
