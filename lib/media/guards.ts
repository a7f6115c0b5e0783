import 'server-only';
import sharp, { type Metadata } from 'sharp';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { rateLimiter, RateLimitedError, waitInWords, type LimitRule } from '@/lib/rate-limit';
import { createSemaphore } from '@/lib/semaphore';

// What keeps uploads from taking the server down: a pixel cap read from the image's header before
// anything is decoded (a small file can claim a gigapixel), a bound on how many images this
// instance processes at once, and a per-user upload rate.

/** About 40 megapixels: a full-frame camera's largest photo, with room to spare. */
export const MAX_UPLOAD_PIXELS = 40_000_000;

const fmt = (n: number) => n.toLocaleString('en-GB');

/** The image's dimensions from its header; refuses (422) one over MAX_UPLOAD_PIXELS before it is decoded. */
export async function checkImageDimensions(bytes: Uint8Array, filename: string): Promise<{ width: number; height: number }> {
  let meta: Metadata;
  try {
    // Reads the header only: no pixels are decoded here.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    const message = `“${filename}” looks like an image but its header could not be read (it may be damaged or cut short). Open it in an image editor, save it again and retry.`;
    throw new AppError('unprocessable', message, { file: [message] });
  }
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (width * height > MAX_UPLOAD_PIXELS) {
    const mp = Math.round((width * height) / 1_000_000);
    const fitWidth = Math.floor(Math.sqrt((MAX_UPLOAD_PIXELS * width) / height) / 100) * 100;
    const message = `“${filename}” is ${fmt(width)} × ${fmt(height)} pixels (${mp} megapixels); the limit is ${MAX_UPLOAD_PIXELS / 1_000_000} megapixels. Scale it down (to ${fmt(fitWidth)} px wide or less) and try again.`;
    throw new AppError('unprocessable', message, { file: [message] });
  }
  return { width, height };
}

/** Image processing in this process: at most MEDIA_PROCESSING_CONCURRENCY at once, the rest wait in turn. */
export const mediaProcessing = createSemaphore(env.MEDIA_PROCESSING_CONCURRENCY);

/** `points/seconds` (e.g. `60/600`), or `off`/empty for no limit. Throws on anything else. */
export function parseUploadRateLimit(spec: string): LimitRule | null {
  const s = spec.trim().toLowerCase();
  if (s === '' || s === 'off') return null;
  const m = /^(\d{1,9})\/(\d{1,9})$/.exec(s);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) throw new Error(`MEDIA_UPLOAD_RATE_LIMIT: cannot read "${spec}" (expected points/seconds such as 60/600, or off)`);
  return { points: Number(m[1]), seconds: Number(m[2]) };
}

/** Counts one upload by `userId`; 429 (with Retry-After) past MEDIA_UPLOAD_RATE_LIMIT. */
export async function countUpload(userId: string): Promise<void> {
  const rule = parseUploadRateLimit(env.MEDIA_UPLOAD_RATE_LIMIT);
  if (!rule) return;
  const { allowed, resetSeconds } = await rateLimiter('media-uploads', rule).consume(userId);
  if (!allowed) {
    throw new RateLimitedError(resetSeconds, `You have uploaded ${rule.points} images in the last ${waitInWords(rule.seconds)}, the most allowed. Try again in ${waitInWords(resetSeconds)}.`);
  }
}
