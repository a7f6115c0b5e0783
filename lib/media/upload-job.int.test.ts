import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { claimJob, runClaimedJob } from '@/lib/jobs/runner';
import { getArticleImage, getBodyImages, getMedia, resolveArticleImages } from '@/lib/media';
import { setStorageForTests } from '@/lib/media/driver';
import { LocalDiskDriver } from '@/lib/media/storage';
import { acceptUpload, MEDIA_PROCESS_JOB } from '@/lib/media/upload-job';
import type { StaffUser } from '@/lib/users';
import { createUser } from '@/test/fixtures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-media-job-'));
let author: StaffUser;

beforeAll(async () => {
  setStorageForTests(new LocalDiskDriver(dir));
  author = await createUser('AUTHOR');
  // Each test runs the next job in the queue and expects its own: no job left by earlier files
  // (their uploads queued processing that nothing ran) may come first.
  await db.job.deleteMany({});
});
afterAll(() => {
  setStorageForTests(undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A camera JPEG (2400×1800) carrying GPS metadata. (bench/media-upload.ts times 12-megapixel photos.) */
const photo = () =>
  sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: 90, g: 140, b: 200 } } })
    .withExif({ IFD0: { Make: 'SpyCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
    .jpeg({ quality: 85 })
    .toBuffer();

const files = (id: string) => (fs.existsSync(path.join(dir, id)) ? fs.readdirSync(path.join(dir, id)).sort() : []);
async function jobOf(mediaId: string) {
  const jobs = await db.job.findMany({ where: { type: MEDIA_PROCESS_JOB } });
  const job = jobs.find((j) => (j.payload as { mediaId?: string }).mediaId === mediaId);
  if (!job) throw new Error(`no job for ${mediaId}`);
  return job;
}
const imageDoc = (id: string) => ({ type: 'doc' as const, content: [{ type: 'image' as const, attrs: { mediaId: id, alt: 'A quay', caption: '', credit: '' } }] });

/** Runs the next due media job as an instance's runner would. */
async function runNextJob(owner = 'test-runner') {
  const job = await claimJob(owner, { types: [MEDIA_PROCESS_JOB], leaseMs: 30_000 });
  if (job) await runClaimedJob(job, owner, { leaseMs: 30_000, retryBaseMs: 10 });
  return job;
}

describe('uploads processed in the background', { timeout: 90_000 }, () => {
  it('answers with a PROCESSING item that no public page shows, then the job makes its sizes and it is READY', async () => {
    const bytes = await photo();
    const started = performance.now();
    const accepted = await acceptUpload({ bytes, filename: 'quay.jpg', text: { alt: 'The quay', caption: '', credit: '' } }, author);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(5_000);
    expect(accepted).toMatchObject({ status: 'PROCESSING', width: 2400, height: 1800, thumbnailUrl: '', originalUrl: '' });
    // Only the upload as sent is stored, under a key no page links to.
    expect(files(accepted.id)).toEqual([expect.stringMatching(/^upload-[0-9a-f]{16}\.jpg$/)]);
    expect(await getArticleImage(accepted.id)).toBeNull();
    expect((await getBodyImages(imageDoc(accepted.id))).size).toBe(0);
    await expect(resolveArticleImages(imageDoc(accepted.id), null)).rejects.toThrow(/still being processed/);
    await expect(resolveArticleImages({ type: 'doc', content: [] }, accepted.id)).rejects.toThrow(/still being processed/);

    expect((await runNextJob())?.id).toBe((await jobOf(accepted.id)).id);
    const ready = (await getMedia(accepted.id))!;
    expect(ready.status).toBe('READY');
    expect(ready.thumbnailUrl).toMatch(/\/w320\.webp$/);
    expect(ready.renditions.map((r) => `${r.format}${r.width}`)).toEqual(expect.arrayContaining(['webp320', 'webp1920', 'avif1280']));
    expect(Object.keys(ready.crops).sort()).toEqual(['card', 'social']);
    // The upload as sent is gone; the kept original has no camera metadata.
    expect(files(accepted.id).some((f) => f.startsWith('upload-'))).toBe(false);
    const meta = await sharp(fs.readFileSync(path.join(dir, accepted.id, 'original.jpg'))).metadata();
    expect(meta.exif).toBeUndefined();
    expect((await getArticleImage(accepted.id))?.id).toBe(accepted.id);
    expect((await getBodyImages(imageDoc(accepted.id))).size).toBe(1);
    expect((await jobOf(accepted.id)).status).toBe('SUCCEEDED');
  });

  it('a damaged file is marked FAILED with a message for the uploader, and is not retried', async () => {
    const whole = await photo();
    const accepted = await acceptUpload({ bytes: whole.subarray(0, Math.floor(whole.length / 3)), filename: 'cut.jpg' }, author);
    expect(accepted.status).toBe('PROCESSING');
    await runNextJob();
    const failed = (await getMedia(accepted.id))!;
    expect(failed.status).toBe('FAILED');
    expect(failed.processingError).toMatch(/“cut\.jpg” looks like an image but could not be read/);
    expect(await jobOf(accepted.id)).toMatchObject({ status: 'FAILED', attempts: 1 });
  });

  it('a runner that dies mid-job leaves it to another, which finishes it', async () => {
    const accepted = await acceptUpload({ bytes: await photo(), filename: 'crash.jpg' }, author);
    // Claimed by a runner that then dies: its lease runs out, nothing was written.
    const crashed = await claimJob('crashed-runner', { types: [MEDIA_PROCESS_JOB], leaseMs: 50 });
    expect(crashed?.id).toBe((await jobOf(accepted.id)).id);
    await new Promise((r) => setTimeout(r, 80));
    expect((await runNextJob('second-runner'))?.id).toBe(crashed?.id);
    expect((await getMedia(accepted.id))?.status).toBe('READY');
    expect(await jobOf(accepted.id)).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
  });

  it('an image deleted while it is processed leaves no files behind', async () => {
    const accepted = await acceptUpload({ bytes: await photo(), filename: 'gone.jpg' }, author);
    await db.media.delete({ where: { id: accepted.id } });
    await runNextJob();
    expect(files(accepted.id).filter((f) => !f.startsWith('upload-'))).toEqual([]);
    expect((await jobOf(accepted.id)).status).toBe('SUCCEEDED');
  });
});
