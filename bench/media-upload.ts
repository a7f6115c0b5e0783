// Uploads under load, over HTTP through the production server: 4 users upload 20 photos of
// 12 megapixels at once through the Admin API (POST /api/v1/admin/media, the dashboard's
// pipeline), then follow each item until its renditions are made by the background job.
// Prints the upload response times (p50/p95), the time until every rendition exists, and the
// server's peak resident memory (its whole process tree, sampled every 100 ms).
//
//   npx tsx --conditions=react-server bench/media-upload.ts [uploads=20] [users=4]
//
// Uses its own SQLite database (bench/results/media-upload.db) and media folder; the build in
// NEXT_DIST_DIR (default .next-bench, built once). Per-step timings of one image: bench/media-steps.ts.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { ROOT } from '../lib/db-config.ts';
import { migrateDeploy } from '../scripts/db/engine.ts';
import { buildOnce, percentile, rssMiB, startServer, stopServer } from './server.ts';

const UPLOADS = Number(process.argv[2] ?? 20);
const USERS = Number(process.argv[3] ?? 4);
const PORT = Number(process.env.BENCH_PORT ?? 3960);
const base = `http://127.0.0.1:${PORT}`;
const dbFile = path.join(ROOT, 'bench/results/media-upload.db');
const mediaDir = path.join(ROOT, 'bench/results/media-upload-files');
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: `file:${dbFile}`,
  BROADSHEET_ENV: 'test',
  NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-bench',
  NEXT_TELEMETRY_DISABLED: '1',
  BROADSHEET_SCHEDULER: 'off',
  BROADSHEET_WEBHOOKS: 'off',
  WEATHER_API_URL: 'http://127.0.0.1:9',
  MEDIA_DIR: mediaDir,
  API_RATE_LIMIT: 'off',
  MEDIA_UPLOAD_RATE_LIMIT: 'off',
  REDIS_URL: '',
};
Object.assign(process.env, { DATABASE_URL: env.DATABASE_URL, BROADSHEET_ENV: 'test' });

/** A 4000×3000 photo-like JPEG (gradients with grain; pure noise would be unrealistically large), different per upload. */
async function photo(seed: number): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const grain = ((x * 7 + y * 13 + seed * 31) % 24) | 0;
      raw[i] = ((x / width) * 200 + grain) | 0;
      raw[i + 1] = ((y / height) * 180 + grain + seed) & 255;
      raw[i + 2] = (((x + y) / (width + height)) * 160 + 40 + grain) | 0;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

async function main() {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  fs.rmSync(mediaDir, { recursive: true, force: true });
  await migrateDeploy(env.DATABASE_URL!);
  buildOnce(env);
  const { db } = await import('../lib/db.ts');
  const { createApiKey } = await import('../lib/api-keys/index.ts');
  const admin = await db.user.upsert({
    where: { email: 'bench-admin@broadsheet.test' },
    update: {},
    create: { email: 'bench-admin@broadsheet.test', name: 'Bench Admin', slug: 'bench-admin', role: 'ADMIN', passwordHash: 'x' },
    select: { id: true, name: true, email: true, role: true, slug: true },
  });
  const keys: string[] = [];
  for (let u = 0; u < USERS; u++) {
    const author = await db.user.upsert({
      where: { email: `bench-author-${u}@broadsheet.test` },
      update: {},
      create: { email: `bench-author-${u}@broadsheet.test`, name: `Bench Author ${u}`, slug: `bench-author-${u}`, role: 'AUTHOR', passwordHash: 'x' },
      select: { id: true },
    });
    keys.push((await createApiKey({ label: `bench uploads ${Date.now()} ${u}`, kind: 'ADMIN', actsAsId: author.id, scopes: ['media:write'] }, admin)).key);
  }
  await db.$disconnect();
  const photos = await Promise.all(Array.from({ length: UPLOADS }, (_, i) => photo(i)));
  console.log(`media upload bench: ${UPLOADS} photos of 4000×3000 (${(photos.reduce((n, p) => n + p.length, 0) / UPLOADS / 1e6).toFixed(1)} MB on average) by ${USERS} users at once`);

  const server = await startServer(PORT, env);
  let peak = rssMiB(server.pid!);
  const idle = peak;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(server.pid!))), 100);
  try {
    const started = performance.now();
    const responses: number[] = [];
    const ready: number[] = [];
    let failed = 0;
    const one = async (i: number) => {
      const key = keys[i % USERS]!;
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(photos[i]!)], { type: 'image/jpeg' }), `photo-${i}.jpg`);
      form.set('alt', `Bench photo ${i}`);
      const t = performance.now();
      const res = await fetch(`${base}/api/v1/admin/media`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
      const body = (await res.json()) as { data?: { id: string; status: string }; error?: { message: string } };
      responses.push(performance.now() - t);
      if (res.status !== 201 || !body.data) {
        failed++;
        console.log(`  upload ${i}: ${res.status} ${body.error?.message ?? ''}`);
        return;
      }
      for (let status = body.data.status; status === 'PROCESSING';) {
        await new Promise((r) => setTimeout(r, 250));
        const poll = await fetch(`${base}/api/v1/admin/media/${body.data.id}`, { headers: { authorization: `Bearer ${key}` } });
        status = ((await poll.json()) as { data: { status: string } }).data.status;
        if (status === 'FAILED') failed++;
      }
      ready.push(performance.now() - started);
    };
    // Each user uploads their photos one after another, as the dashboard's uploader does; the users at once.
    await Promise.all(
      Array.from({ length: USERS }, async (_, u) => {
        for (let i = u; i < UPLOADS; i += USERS) await one(i);
      }),
    );
    responses.sort((a, b) => a - b);
    console.log(
      `  upload response: p50 ${percentile(responses, 50).toFixed(0)} ms  p95 ${percentile(responses, 95).toFixed(0)} ms  max ${responses.at(-1)!.toFixed(0)} ms (target p95 < 1,000 ms: ${percentile(responses, 95) < 1000 ? 'met' : 'NOT met'})`,
    );
    console.log(`  every rendition made: ${(Math.max(...ready) / 1000).toFixed(1)} s after the first upload began (${ready.length} ready, ${failed} failed)`);
    console.log(`  server memory: ${idle.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB`);
  } finally {
    clearInterval(sampler);
    await stopServer(server);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
