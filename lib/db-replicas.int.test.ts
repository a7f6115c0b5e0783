import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb, withReadReplicas, type Db } from '@/lib/db';
import { withRequestNotes } from '@/lib/process-hooks.mjs';
import { migrateDeploy } from '@/scripts/db/engine';
import { freePort, postgresBinaries, ThrowawayPostgres } from '@/test/faults/services';

// Read routing against a real streaming replica: a primary of our own on a spare port, and a
// replica made from it with pg_basebackup, replaying its WAL. Pausing the replay makes the replica
// visibly behind, so each read shows which server answered it.
const bin = postgresBinaries();
let primaryServer: ThrowawayPostgres;
let replicaDir = '';
let replicaPort = 0;
let primary: Db;
let replica: Db;
let routed: Db;

const asPostgres = (file: string, args: string[]): [string, string[]] => (process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args]);
function run(tool: string, args: string[]) {
  const [file, argv] = asPostgres(path.join(bin!, tool), args);
  const r = spawnSync(file, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${tool} failed: ${r.stderr || r.stdout}`);
}

beforeAll(async () => {
  primaryServer = await ThrowawayPostgres.create(bin!);
  await migrateDeploy(primaryServer.url());
  replicaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-replica-'));
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', replicaDir]);
  replicaPort = await freePort();
  run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryServer.port), '-U', 'postgres', '-D', path.join(replicaDir, 'data'), '-R', '-X', 'stream']);
  run('pg_ctl', ['-D', path.join(replicaDir, 'data'), '-o', `-p ${replicaPort} -k ${replicaDir} -c listen_addresses=127.0.0.1`, '-l', path.join(replicaDir, 'log'), '-w', '-t', '60', 'start']);
  primary = createDb(primaryServer.url());
  replica = createDb(`postgresql://postgres@127.0.0.1:${replicaPort}/postgres`);
  routed = withReadReplicas(primary, [replica]);
}, 120_000);

afterAll(async () => {
  await Promise.allSettled([primary?.$disconnect(), replica?.$disconnect()]);
  try {
    run('pg_ctl', ['-D', path.join(replicaDir, 'data'), '-m', 'immediate', '-w', 'stop']);
  } catch {
    // not running
  }
  fs.rmSync(replicaDir, { recursive: true, force: true });
  primaryServer?.destroy();
});

const section = (slug: string) => ({ name: slug, slug, position: 0 });
const find = (client: Db, slug: string) => client.section.findUnique({ where: { slug }, select: { slug: true } });
const publicRequest = <T>(fn: () => Promise<T>) => withRequestNotes(fn, { replicaReads: true });

describe.skipIf(!bin)('read replicas (DATABASE_REPLICA_URLS)', () => {
  it('public reads come from the replica; writes, reads after a write, transactions and background work from the primary', async () => {
    await primary.section.create({ data: section('replicated') });
    await expect.poll(() => find(replica, 'replicated'), { timeout: 20_000 }).not.toBeNull();
    // The replica stops replaying: what is written from now on is on the primary only.
    await replica.$executeRawUnsafe('SELECT pg_wal_replay_pause()');
    await primary.section.create({ data: section('primary-only') });

    await publicRequest(async () => {
      expect(await find(routed, 'replicated')).toEqual({ slug: 'replicated' });
      expect(await find(routed, 'primary-only')).toBeNull(); // answered by the (paused) replica
      expect(await routed.$transaction(async (tx) => find(tx as Db, 'primary-only'))).toEqual({ slug: 'primary-only' });
      await routed.section.create({ data: section('written-in-request') });
      // Read-your-writes: once the request has written, it reads from the primary.
      expect(await find(routed, 'written-in-request')).toEqual({ slug: 'written-in-request' });
      expect(await find(routed, 'primary-only')).toEqual({ slug: 'primary-only' });
    });
    // Staff screens and POSTs (no replicaReads), and work outside requests (jobs, scheduler): the primary.
    expect(await withRequestNotes(() => find(routed, 'primary-only'))).toEqual({ slug: 'primary-only' });
    expect(await find(routed, 'primary-only')).toEqual({ slug: 'primary-only' });
    await replica.$executeRawUnsafe('SELECT pg_wal_replay_resume()');
    await expect.poll(() => publicRequest(() => find(routed, 'written-in-request')), { timeout: 20_000 }).not.toBeNull();
  });

  it('search SQL is answered by the replica in a public request, and by the primary once the request has written', async () => {
    // The process's own client and search, configured as a deployment configures them.
    const g = globalThis as { broadsheetDb?: unknown };
    const processDb = g.broadsheetDb;
    delete g.broadsheetDb;
    vi.stubEnv('DATABASE_URL', primaryServer.url());
    vi.stubEnv('DATABASE_REPLICA_URLS', `postgresql://postgres@127.0.0.1:${replicaPort}/postgres`);
    vi.resetModules();
    const { db } = await import('@/lib/db');
    const { reindexArticle, searchArticles } = await import('@/lib/search');
    try {
      const word = `quokka${Date.now().toString(36)}`;
      const publish = async (slug: string) => {
        const { id } = await db.article.create({
          data: { slug, title: `The ${word} report ${slug}`, bodyJson: { type: 'doc', content: [] }, status: 'PUBLISHED', publishedAt: new Date(Date.now() - 60_000) },
          select: { id: true },
        });
        await reindexArticle(id);
      };
      const found = async () => (await searchArticles({ q: word })).hits.map((h) => h.slug.replace(`-${word}`, '')).sort();
      await publish(`replicated-story-${word}`);
      await expect.poll(() => replica.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "ArticleSearch" WHERE title LIKE $1`, `%${word}%`), { timeout: 20_000 }).toHaveLength(1);
      await replica.$executeRawUnsafe('SELECT pg_wal_replay_pause()');
      await publish(`primary-only-story-${word}`);

      await publicRequest(async () => {
        expect(await found()).toEqual(['replicated-story']); // the paused replica has not seen the second story
        await db.section.create({ data: section(`search-${word}`) });
        expect(await found()).toEqual(['primary-only-story', 'replicated-story']); // read-your-writes
      });
      expect(await found()).toEqual(['primary-only-story', 'replicated-story']); // outside a public request: the primary
    } finally {
      await replica.$executeRawUnsafe('SELECT pg_wal_replay_resume()');
      await db.$disconnect();
      vi.unstubAllEnvs();
      g.broadsheetDb = processDb;
    }
  });

  it('a replica that cannot be reached is skipped: the primary answers', async () => {
    run('pg_ctl', ['-D', path.join(replicaDir, 'data'), '-m', 'immediate', '-w', 'stop']);
    expect(await publicRequest(() => find(routed, 'primary-only'))).toEqual({ slug: 'primary-only' });
  });
});
