import 'server-only';
import crypto from 'node:crypto';
import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { enqueueJob, PermanentJobError, registerJobHandler, type JobContext } from '@/lib/jobs';
import type { StaffUser } from '@/lib/users';
import { checkUpload, mediaSelect, newMediaId, processImage, storeProcessed, toItem, type MediaItem, type UploadInput } from './index';
import { getStorage } from './driver';

// Uploads answer at once and are processed in the background: the upload is checked (type, size,
// pixel count, rate), stored as sent under a key nobody is shown, and recorded as PROCESSING in
// the same transaction that queues a `media.process` job (lib/jobs: leased, retried, at most
// JOB_CONCURRENCY per instance, and MEDIA_PROCESSING_CONCURRENCY images decoding at once). The
// job writes the cleaned original, the renditions and the crops, then marks the item READY and
// refreshes the pages already showing it. Until then public pages leave the image out (only
// READY media are rendered) and the dashboard shows "Processing". A crash mid-job is claimed
// again when its lease runs out; a rerun overwrites the same files.

export const MEDIA_PROCESS_JOB = 'media.process';
type Payload = { mediaId: string };

const EXT = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/avif': 'avif', 'image/gif': 'gif' } as const;

/**
 * Accepts an upload from the dashboard or the Admin API: checked and stored as sent, recorded as
 * PROCESSING and queued for processing. Returns the item (status PROCESSING) in well under a second.
 */
export async function acceptUpload(input: UploadInput, user: StaffUser): Promise<MediaItem> {
  const { filename, type, width, height } = await checkUpload(input, user);
  const id = newMediaId();
  // Unguessable and never linked: the upload still carries its camera metadata.
  const key = `${id}/upload-${crypto.randomBytes(8).toString('hex')}.${EXT[type]}`;
  const storage = getStorage();
  await storage.put(key, input.bytes, type);
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.media.create({
        data: {
          id,
          filename,
          mimeType: type,
          size: input.bytes.length,
          width,
          height,
          storageKey: key,
          status: 'PROCESSING',
          uploadedById: user.id,
          ...(input.text ? { alt: input.text.alt, caption: input.text.caption || null, credit: input.text.credit || null } : {}),
        },
        select: mediaSelect,
      });
      await recordAudit(tx, { actorId: user.id, action: 'media.uploaded', entityType: 'media', entityId: id, summary: filename, data: { width, height, size: input.bytes.length } });
      await enqueueJob<Payload>(MEDIA_PROCESS_JOB, { mediaId: id }, { tx, createdById: user.id });
      return created;
    });
    return toItem(row);
  } catch (e) {
    await storage.delete(key).catch(() => {});
    throw e;
  }
}

async function markFailed(mediaId: string, message: string) {
  await db.media.updateMany({ where: { id: mediaId, status: 'PROCESSING' }, data: { status: 'FAILED', processingError: message } });
}

/** The `media.process` job: makes the files of one uploaded image and marks it READY. */
export async function processUploadedMedia({ job, attempt }: JobContext<Payload>): Promise<{ mediaId: string; files: number } | null> {
  const { mediaId } = job.payload;
  const row = await db.media.findUnique({ where: { id: mediaId }, select: { status: true, storageKey: true, mimeType: true, filename: true, focalX: true, focalY: true } });
  // Deleted meanwhile, or already done by an earlier run that crashed before finishing the job.
  if (!row || row.status !== 'PROCESSING') return null;
  const storage = getStorage();
  const upload = await storage.get(row.storageKey);
  if (!upload) {
    await markFailed(mediaId, 'The uploaded file is missing from storage. Upload the image again.');
    throw new PermanentJobError(`media ${mediaId}: the uploaded file is missing`);
  }
  let files;
  try {
    files = await processImage(upload.body, row.mimeType as keyof typeof EXT, row.filename, mediaId, { x: row.focalX, y: row.focalY });
  } catch (e) {
    if (e instanceof AppError) {
      await markFailed(mediaId, e.message);
      throw new PermanentJobError(e.message);
    }
    if (attempt >= job.maxAttempts) await markFailed(mediaId, 'The image could not be processed. Upload it again, or try another file.');
    throw e;
  }
  const { stored, variants } = await storeProcessed(files);
  const { original } = files;
  const done = await db.media.updateMany({
    where: { id: mediaId, status: 'PROCESSING' },
    data: { status: 'READY', processingError: null, storageKey: original.key, width: original.width, height: original.height, variants },
  });
  if (done.count === 0) {
    // Deleted while it was processed: its files would belong to nothing.
    await Promise.allSettled(stored.map((k) => storage.delete(k)));
    return null;
  }
  await storage.delete(row.storageKey).catch(() => {});
  return { mediaId, files: stored.length };
}

registerJobHandler<Payload, Awaited<ReturnType<typeof processUploadedMedia>>>(MEDIA_PROCESS_JOB, processUploadedMedia, { maxAttempts: 3 });
