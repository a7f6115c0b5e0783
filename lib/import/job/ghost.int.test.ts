import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { IMPORT_JOB } from '@/lib/import/job/handler';
import type { ImportReport } from '@/lib/import/job/report';
import { enqueueJob, getJob } from '@/lib/jobs';
import { startJobRunner } from '@/lib/jobs/runner';
import { LocalDiskDriver } from '@/lib/media/storage';
import { setStorageForTests } from '@/lib/media/driver';
import { findRedirect } from '@/lib/redirects';
import type { StaffUser } from '@/lib/users';
import { createUser } from '@/test/fixtures';
import { FIXTURES, importAs } from '@/test/helpers/import-run';

// A Ghost export through the job runner, its images fetched over HTTP from a local server:
// refused by the private-address guard webhooks use, then fetched once private addresses are allowed.

const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-import-media-'));
let admin: StaffUser;
let server: http.Server;
let siteUrl: string;
const requested: string[] = [];

beforeAll(async () => {
  setStorageForTests(new LocalDiskDriver(storage));
  admin = await createUser('ADMIN');
  const jpeg = await sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 10, g: 120, b: 90 } } })
    .jpeg()
    .toBuffer();
  server = http.createServer((req, res) => {
    requested.push(req.url ?? '');
    if (req.url?.endsWith('tide-hero.jpg') || req.url?.endsWith('tide.jpg')) res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(jpeg);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  env.WEBHOOK_ALLOW_PRIVATE = false;
  setStorageForTests(undefined);
  fs.rmSync(storage, { recursive: true, force: true });
  await new Promise((r) => server.close(r));
});

describe('importing a Ghost export', () => {
  it('refuses images on private addresses, as webhooks do, and still imports their posts', async () => {
    env.WEBHOOK_ALLOW_PRIVATE = false;
    const report = await importAs(admin, { source: 'ghost', file: path.join(FIXTURES, 'ghost-5.json'), siteUrl, dryRun: false });
    expect(requested).toEqual([]);
    expect(report.kinds.image?.skips[0]?.reason).toMatch(/Refused: 127\.0\.0\.1 is .*private/);
    const a = await db.article.findUniqueOrThrow({ where: { slug: 'high-tide-floods-the-quay' }, include: { section: true, tags: { include: { tag: true } } } });
    expect(a).toMatchObject({ status: 'PUBLISHED', standfirst: 'Water reached the cafés on the quay.', heroImageId: null });
    // The primary tag is the section; internal #tags are skipped.
    expect(a.section?.slug).toBe('weather');
    expect(a.tags.map((t) => t.tag.slug)).not.toContain('hash-import-2024');
    const members = await db.article.findUniqueOrThrow({ where: { slug: 'members-briefing' } });
    expect(members.status).toBe('DRAFT');
    expect(report.drafted.map((d) => d.title)).toEqual(expect.arrayContaining([expect.stringMatching(/./)]));
    expect(await findRedirect('/high-tide-floods-the-quay')).toMatchObject({ toPath: '/articles/high-tide-floods-the-quay' });
    // The tag's own page still exists (it is also the section): its old address goes there.
    expect(await findRedirect('/tag/weather')).toMatchObject({ toPath: '/tags/weather' });
  });

  it('runs as a job: progress with counts, then the report as its result; images fetched once allowed', async () => {
    env.WEBHOOK_ALLOW_PRIVATE = true;
    // The same export with one post edited on the source: that post is updated, this time with its images.
    const file = path.join(os.tmpdir(), `ghost-job-${process.pid}.json`);
    fs.writeFileSync(file, fs.readFileSync(path.join(FIXTURES, 'ghost-5.json'), 'utf8').replaceAll('Water reached the cafés on the quay.', 'Water reached every café on the quay.'));
    const { id } = await enqueueJob(IMPORT_JOB, { source: 'ghost', file, filename: 'ghost-5.json', siteUrl, dryRun: false, actorId: admin.id });
    const stop = startJobRunner({ pollMs: 20, leaseMs: 5_000, retryBaseMs: 20 });
    try {
      await expect.poll(async () => (await getJob(id))?.status, { timeout: 30_000 }).toBe('SUCCEEDED');
    } finally {
      await stop();
      fs.rmSync(file);
    }
    const job = await getJob<unknown, ImportReport>(id);
    expect(job?.progress).toMatchObject({ counts: { updated: expect.any(Number) } });
    expect(job?.result?.kinds.post).toMatchObject({ updated: 1 });
    const a = await db.article.findUniqueOrThrow({ where: { slug: 'high-tide-floods-the-quay' }, include: { heroImage: true } });
    expect(a.standfirst).toBe('Water reached every café on the quay.');
    expect(a.heroImage).toMatchObject({ alt: expect.stringMatching(/.+/) });
    expect(requested.some((u) => u.endsWith('tide-hero.jpg'))).toBe(true);
  });

  it('fails a job whose file is not of the chosen source, saying what to do', async () => {
    const { id } = await enqueueJob(IMPORT_JOB, { source: 'wordpress', file: path.join(FIXTURES, 'ghost-5.json'), actorId: admin.id });
    const stop = startJobRunner({ pollMs: 20, leaseMs: 5_000, retryBaseMs: 20 });
    try {
      await expect.poll(async () => (await getJob(id))?.status, { timeout: 30_000 }).toBe('FAILED');
    } finally {
      await stop();
    }
    expect((await getJob(id))?.error).toMatch(/not a WordPress export.*Check that the file and the Source you chose match/);
  });
});
