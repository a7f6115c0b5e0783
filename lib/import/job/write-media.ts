import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { MediaRecord } from '@/lib/import/records';
import { uploadMedia } from '@/lib/media';
import { fetchFromDestination } from '@/lib/webhooks/destination';
import { ownString, type ImportContext } from './context';
import { note, tally } from './report';

// Images come from the uploads tree given with --media-dir, else over HTTP(S) under the
// webhooks' private-address guard, with a time and a size limit. Each file becomes a media
// item with its renditions (uploadMedia, the one way images enter the library), remembered by
// its attachment id and by its URL so a file shared by many posts is stored once.

export type ImageWanted = {
  /** A Broadsheet media id (exports of Broadsheet itself). */ mediaId?: string | null;
  attachmentId: string | null;
  url: string | null;
  relativePath: string | null;
  alt: string;
  caption: string;
  credit: string;
};
export type ImageResult = { mediaId: string; reason?: undefined } | { mediaId: null; reason: string };

async function readImage(ctx: ImportContext, want: ImageWanted): Promise<Buffer> {
  if (ctx.mediaDir) {
    if (!want.relativePath) throw new Error('its path under the uploads folder is unknown');
    const root = path.resolve(ctx.mediaDir);
    const file = path.resolve(root, want.relativePath);
    if (!file.startsWith(root + path.sep)) throw new Error('its path leaves the uploads folder');
    return readFile(file).catch(() => {
      throw new Error(`${want.relativePath} is not in ${ctx.mediaDir}`);
    });
  }
  if (!want.url || !/^https?:\/\//i.test(want.url)) throw new Error('the export gives no address to download it from (import with --media-dir)');
  return fetchFromDestination(want.url, { timeoutMs: env.IMPORT_FETCH_TIMEOUT_MS, maxBytes: env.MEDIA_MAX_UPLOAD_MB * 1024 * 1024 });
}

const filenameOf = (want: ImageWanted) => path.basename(want.relativePath ?? (want.url ? new URL(want.url, 'http://x').pathname : 'image')) || 'image';

/** The library id of an image the source refers to, fetching and storing it the first time. */
export async function importImage(ctx: ImportContext, wanted: ImageWanted): Promise<ImageResult> {
  let want = wanted;
  if (want.mediaId && (await db.media.findUnique({ where: { id: want.mediaId }, select: { id: true } }))) return { mediaId: want.mediaId };
  const known = (await ctx.ledger.id('media', want.attachmentId)) ?? (await ctx.ledger.id('media-url', want.url));
  if (known && (await db.media.findUnique({ where: { id: known }, select: { id: true } }))) return { mediaId: known };
  if (ctx.dryRun) return { mediaId: 'dry-run' };
  const attachment = want.attachmentId ? ctx.attachments.get(want.attachmentId) : undefined;
  if (attachment && !want.url) want = { ...want, url: attachment.url, relativePath: want.relativePath ?? attachment.relativePath };
  const name = want.url ?? want.relativePath ?? `attachment ${want.attachmentId}`;
  const failed = ctx.failedImages.get(name);
  if (failed) return { mediaId: null, reason: failed };
  let bytes: Buffer;
  try {
    bytes = await readImage(ctx, want);
  } catch (e) {
    const reason = ownString(`The image ${name} could not be read: ${e instanceof Error ? e.message : String(e)}`);
    ctx.failedImages.set(ownString(name), reason);
    return { mediaId: null, reason };
  }
  try {
    const item = await uploadMedia({ bytes, filename: filenameOf(want), text: { alt: want.alt, caption: want.caption, credit: want.credit } }, ctx.actor, { rateLimited: false });
    if (want.url) await ctx.ledger.remember(db, 'media-url', want.url, { entityId: item.id, fingerprint: '', entityVersion: null });
    return { mediaId: item.id };
  } catch (e) {
    return { mediaId: null, reason: `The image ${want.url ?? want.relativePath} was refused: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** A media-library record (WordPress attachment): stored once; an unreadable file is skipped and reported. */
export async function writeMedia(ctx: ImportContext, r: MediaRecord, fingerprint: string): Promise<void> {
  ctx.attachments.set(ownString(r.originalId), { url: ownString(r.url), relativePath: r.relativePath === null ? null : ownString(r.relativePath) });
  const known = await ctx.ledger.id('media', r.originalId);
  if (known) return tally(ctx.report, 'media', 'unchanged');
  const result = await importImage(ctx, { attachmentId: null, url: r.url, relativePath: r.relativePath, alt: r.alt, caption: r.caption, credit: '' });
  if (result.mediaId === null) {
    note(ctx.report, 'image-unreachable', r.url);
    return tally(ctx.report, 'media', 'skipped', { id: r.originalId, title: r.filename, reason: result.reason });
  }
  if (!ctx.dryRun) await ctx.ledger.remember(db, 'media', r.originalId, { entityId: result.mediaId, fingerprint, entityVersion: null });
  tally(ctx.report, 'media', 'imported');
}
