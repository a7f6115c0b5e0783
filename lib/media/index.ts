import 'server-only';
import crypto from 'node:crypto';
import { cache } from 'react';
import { imageIdsOf, type BodyDoc, type ImageLookup, type RenderableImage } from '@/lib/articles/body';
import { invalidateArticlePages } from '@/lib/cache';
import { recordAudit } from '@/lib/audit';
import { hasRole } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError, assertVersion } from '@/lib/errors';
import type { StaffUser } from '@/lib/users';
import type { UpdateMediaInput } from '@/lib/validation/media';
import { makeBase, makeCrops, makeRenditions, normaliseOriginal, type CropName, type Variant } from './process';
import { checkImageDimensions, countUpload, mediaProcessing } from './guards';
import { sniffImageType, unsupportedTypeMessage, uploadSizeError } from './sniff';
import { getStorage } from './driver';

export { ALT_REQUIRED_MESSAGE } from '@/lib/articles/body-schema';

export const MEDIA_PAGE_SIZE = 48;

const mediaSelect = {
  id: true,
  filename: true,
  mimeType: true,
  size: true,
  width: true,
  height: true,
  alt: true,
  caption: true,
  credit: true,
  focalX: true,
  focalY: true,
  storageKey: true,
  variants: true,
  status: true,
  processingError: true,
  version: true,
  uploadedById: true,
  createdAt: true,
  uploadedBy: { select: { name: true } },
} as const;

export type MediaStatus = 'PROCESSING' | 'READY' | 'FAILED';

type MediaRow = {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string | null;
  credit: string | null;
  focalX: number | null;
  focalY: number | null;
  storageKey: string;
  variants: unknown;
  status: MediaStatus;
  processingError: string | null;
  version: number;
  uploadedById: string | null;
  createdAt: Date;
  uploadedBy: { name: string } | null;
};

/** A library item as pages and the editor see it: URLs resolved through the storage driver. */
export type MediaItem = {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  /** 0–1 across and down, or null for the centre. */
  focalX: number | null;
  focalY: number | null;
  /** PROCESSING until the background job has made its files (no URL below points anywhere yet); FAILED with processingError. */
  status: MediaStatus;
  processingError: string | null;
  /** Counts changes people make (text, focal point); the ETag over the admin API. */
  version: number;
  uploadedBy: string | null;
  uploadedById: string | null;
  createdAt: Date;
  originalUrl: string;
  /** A small WebP for grids and pickers. */
  thumbnailUrl: string;
  image: RenderableImage;
  /** The focal-point crops: 1200×630 social card (og:image) and the 16:9 card. */
  crops: Partial<Record<CropName, { url: string; width: number; height: number }>>;
  /** Every resized file but the crops, narrowest first. */
  renditions: { url: string; width: number; height: number; format: Variant['format'] }[];
};

const variantsOf = (v: unknown): Variant[] => (Array.isArray(v) ? (v as Variant[]).filter((x) => x && typeof x.key === 'string') : []);

function toItem(row: MediaRow): MediaItem {
  const storage = getStorage();
  // Until processed, the stored file is the upload as sent (metadata and all): never linked.
  const variants = row.status === 'READY' ? variantsOf(row.variants) : [];
  const webp = variants.filter((v) => v.format === 'webp' && !v.crop).sort((a, b) => a.width - b.width);
  const avif = variants.filter((v) => v.format === 'avif' && !v.crop).sort((a, b) => a.width - b.width);
  const width = row.width ?? webp.at(-1)?.width ?? 1;
  const height = row.height ?? webp.at(-1)?.height ?? 1;
  const originalUrl = row.status === 'READY' ? storage.url(row.storageKey) : '';
  const src = (webp.find((v) => v.width >= 960) ?? webp.at(-1))?.key;
  const crops: MediaItem['crops'] = {};
  for (const v of variants) if (v.crop) crops[v.crop] = { url: storage.url(v.key), width: v.width, height: v.height };
  return {
    id: row.id,
    filename: row.filename,
    mimeType: row.mimeType,
    size: row.size,
    width,
    height,
    alt: row.alt,
    caption: row.caption ?? '',
    credit: row.credit ?? '',
    focalX: row.focalX,
    focalY: row.focalY,
    status: row.status,
    processingError: row.processingError,
    version: row.version,
    uploadedBy: row.uploadedBy?.name ?? null,
    uploadedById: row.uploadedById,
    createdAt: row.createdAt,
    originalUrl,
    thumbnailUrl: webp[0] ? storage.url(webp[0].key) : originalUrl,
    image: {
      src: src ? storage.url(src) : originalUrl,
      srcset: webp.map((v) => `${storage.url(v.key)} ${v.width}w`).join(', '),
      avifSrcset: avif.length ? avif.map((v) => `${storage.url(v.key)} ${v.width}w`).join(', ') : undefined,
      width,
      height,
    },
    crops,
    renditions: [...webp, ...avif].sort((a, b) => a.width - b.width).map((v) => ({ url: storage.url(v.key), width: v.width, height: v.height, format: v.format })),
  };
}

/** A new media id: lower-case hex, also used as the folder of its files. */
const newMediaId = () => crypto.randomBytes(10).toString('hex');
const cropVersion = () => crypto.randomBytes(3).toString('hex');

export type UploadInput = { bytes: Uint8Array; filename: string; /** Description the source already had (imports). */ text?: { alt: string; caption: string; credit: string } };

/** What an upload is once checked: a clean file name, its real type and its size in pixels. */
export type CheckedUpload = { filename: string; type: NonNullable<ReturnType<typeof sniffImageType>>; width: number; height: number };

/**
 * The checks every upload passes before anything is stored: role, size, real type (magic bytes),
 * pixel count from the header, and (unless `rateLimited: false`) the uploader's rate limit.
 */
export async function checkUpload(input: UploadInput, user: StaffUser, opts: { rateLimited?: boolean } = {}): Promise<CheckedUpload> {
  if (!hasRole(user.role, 'AUTHOR')) throw new AppError('forbidden', 'Only authors, editors and admins can upload images.');
  const filename = input.filename.replace(/[\\/\u0000-\u001f]/g, '').slice(-200) || 'image';
  const sizeError = uploadSizeError(input.bytes.length, env.MEDIA_MAX_UPLOAD_MB);
  if (sizeError) throw new AppError('unprocessable', sizeError, { file: [sizeError] });
  const type = sniffImageType(input.bytes);
  if (!type) throw new AppError('unprocessable', unsupportedTypeMessage(filename), { file: [unsupportedTypeMessage(filename)] });
  const { width, height } = await checkImageDimensions(input.bytes, filename);
  if (opts.rateLimited !== false) await countUpload(user.id);
  return { filename, type, width, height };
}

/**
 * The cleaned original (upright, metadata stripped), the renditions and the focal crops of an
 * image, made under this instance's processing bound. A file that cannot be decoded is a 422.
 */
export async function processImage(bytes: Uint8Array, type: CheckedUpload['type'], filename: string, id: string, focal: { x: number | null; y: number | null }) {
  return mediaProcessing.run(async () => {
    let original;
    try {
      original = await normaliseOriginal(bytes, type, id);
    } catch {
      const message = `“${filename}” looks like an image but could not be read (it may be damaged or cut short). Open it in an image editor, save it again and retry.`;
      throw new AppError('unprocessable', message, { file: [message] });
    }
    const base = await makeBase(original.body);
    return { original, derived: [...(await makeRenditions(base, id)), ...(await makeCrops(base, focal, id, cropVersion()))] };
  });
}

/** Stores processed files, returning their keys and the variants to record; on failure nothing stays stored. */
export async function storeProcessed(files: Awaited<ReturnType<typeof processImage>>): Promise<{ stored: string[]; variants: Variant[] }> {
  const storage = getStorage();
  const stored: string[] = [];
  try {
    for (const f of [files.original, ...files.derived]) {
      await storage.put(f.key, f.body, f.contentType);
      stored.push(f.key);
    }
  } catch (e) {
    await Promise.allSettled(stored.map((k) => storage.delete(k)));
    throw e;
  }
  return { stored, variants: files.derived.map(({ width, height, format, key, crop }) => ({ width, height, format, key, ...(crop ? { crop } : {}) })) };
}

/** For the background upload path (./upload-job.ts). */
export { newMediaId, mediaSelect, toItem };

/**
 * Stores an uploaded image at once, processed in this request: checks it, turns it upright,
 * strips metadata, makes WebP/AVIF renditions and the focal crops, then records the row. For
 * imports (already a background job); readers' uploads go through acceptUpload (./upload-job.ts).
 */
export async function uploadMedia(
  input: UploadInput,
  user: StaffUser,
  opts: { /** false for an import the admin started: its files are not one person's uploads. */ rateLimited?: boolean } = {},
): Promise<MediaItem> {
  const { filename, type } = await checkUpload(input, user, opts);
  const id = newMediaId();
  const files = await processImage(input.bytes, type, filename, id, { x: null, y: null });
  const { original } = files;
  const { stored, variants } = await storeProcessed(files);
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.media.create({
        data: {
          id,
          filename,
          mimeType: type,
          size: input.bytes.length,
          width: original.width,
          height: original.height,
          storageKey: original.key,
          variants,
          uploadedById: user.id,
          ...(input.text ? { alt: input.text.alt, caption: input.text.caption || null, credit: input.text.credit || null } : {}),
        },
        select: mediaSelect,
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: 'media.uploaded',
        entityType: 'media',
        entityId: id,
        summary: filename,
        data: { width: original.width, height: original.height, size: input.bytes.length },
      });
      return created;
    });
    return toItem(row);
  } catch (e) {
    // Nothing half-stored: files without a row would never be cleaned up.
    const storage = getStorage();
    await Promise.allSettled(stored.map((k) => storage.delete(k)));
    throw e;
  }
}

/** The library, newest first, optionally filtered by words in the file name, alt text or caption. */
export async function listMedia({ page = 1, q = '' }: { page?: number; q?: string }, user: StaffUser) {
  if (!hasRole(user.role, 'CONTRIBUTOR')) throw new AppError('forbidden', 'Your role does not allow this.');
  const where = q ? { OR: [{ filename: { contains: q } }, { alt: { contains: q } }, { caption: { contains: q } }] } : {};
  const [rows, total] = await Promise.all([
    db.media.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: (page - 1) * MEDIA_PAGE_SIZE, take: MEDIA_PAGE_SIZE, select: mediaSelect }),
    db.media.count({ where }),
  ]);
  return { items: rows.map(toItem), total, pages: Math.max(1, Math.ceil(total / MEDIA_PAGE_SIZE)) };
}

/** One library item, or null. */
export async function getMedia(id: string): Promise<MediaItem | null> {
  const row = await db.media.findUnique({ where: { id }, select: mediaSelect });
  return row ? toItem(row) : null;
}

/** Several processed library items by id, in one query, for public reads (missing and unprocessed ids are left out). */
export async function getMediaItems(ids: string[]): Promise<Map<string, MediaItem>> {
  const rows = ids.length ? await db.media.findMany({ where: { id: { in: ids }, status: 'READY' }, select: mediaSelect }) : [];
  return new Map(rows.map((r) => [r.id, toItem(r)]));
}

/** The articles that show this image (as hero, social image or in the body), for delete checks and cache refreshes. */
export async function getMediaUsage(id: string) {
  return db.article.findMany({
    where: { OR: [{ heroImageId: id }, { socialImageId: id }, { bodyHtml: { contains: `/${id}/` } }] },
    select: { id: true, title: true, slug: true, status: true },
    orderBy: { updatedAt: 'desc' },
  });
}

function assertCanChange(row: { uploadedById: string | null }, user: StaffUser, verb: string) {
  if (hasRole(user.role, 'EDITOR')) return;
  if (hasRole(user.role, 'AUTHOR') && row.uploadedById === user.id) return;
  throw new AppError('forbidden', `You can ${verb} only images you uploaded; ask an editor to ${verb} this one.`);
}

/** Refreshes the cached pages of published articles showing this image (their own pages, and cards with it as hero). */
async function invalidatePagesShowing(id: string): Promise<void> {
  await invalidateArticlePages((await getMediaUsage(id)).filter((a) => a.status === 'PUBLISHED').map((a) => a.id));
}

/**
 * Saves alt text, caption, credit and focal point. A moved focal point re-cuts the crops
 * (under new keys, so cached copies of the old crop are never served for the new one).
 * With `version` (the form's, or If-Match), refused if someone changed the image meanwhile.
 */
export async function updateMedia(id: string, input: UpdateMediaInput, user: StaffUser, opts: { version?: number } = {}): Promise<MediaItem> {
  const row = await db.media.findUnique({ where: { id }, select: mediaSelect });
  if (!row) throw new AppError('not_found', 'This image is no longer in the library. It may have been deleted.');
  assertCanChange(row, user, 'edit');
  assertVersion('image', row.version, opts.version);
  const focalX = input.focalX === null ? null : input.focalX / 100;
  const focalY = input.focalY === null ? null : input.focalY / 100;
  let variants = variantsOf(row.variants);
  const storage = getStorage();
  let oldCropKeys: string[] = [];
  if (focalX !== row.focalX || focalY !== row.focalY) {
    if (row.status !== 'READY') throw new AppError('conflict', 'This image is still being processed; set its focal point once it is ready.');
    const original = await storage.get(row.storageKey);
    if (!original) throw new AppError('internal', 'The original file of this image is missing from storage, so its crops cannot be re-cut.');
    const crops = await mediaProcessing.run(async () => makeCrops(await makeBase(original.body), { x: focalX, y: focalY }, id, cropVersion()));
    for (const c of crops) await storage.put(c.key, c.body, c.contentType);
    oldCropKeys = variants.filter((v) => v.crop).map((v) => v.key);
    variants = [...variants.filter((v) => !v.crop), ...crops.map(({ width, height, format, key, crop }) => ({ width, height, format, key, crop }))];
  }
  let updated;
  try {
    updated = await db.$transaction(async (tx) => {
      // Conditional on the version read, so a change committed while the crops were cut is refused, not overwritten.
      const { count } = await tx.media.updateMany({
        where: { id, version: row.version },
        data: { alt: input.alt, caption: input.caption || null, credit: input.credit || null, focalX, focalY, variants, version: { increment: 1 } },
      });
      if (!count) assertVersion('image', row.version + 1, row.version);
      const saved = await tx.media.findUniqueOrThrow({ where: { id }, select: mediaSelect });
      await recordAudit(tx, { actorId: user.id, action: 'media.updated', entityType: 'media', entityId: id, summary: row.filename, data: { alt: input.alt, focalX, focalY } });
      return saved;
    });
  } catch (e) {
    // The crops cut for a refused save are nobody's.
    const cut = oldCropKeys.length ? variants.filter((v) => v.crop && !oldCropKeys.includes(v.key)).map((v) => v.key) : [];
    await Promise.allSettled(cut.map((k) => storage.delete(k)));
    throw e;
  }
  // Old crops go only after the row points at the new ones.
  await Promise.allSettled(oldCropKeys.map((k) => storage.delete(k)));
  await invalidatePagesShowing(id);
  return toItem(updated);
}

/** Deletes an image and its files; refused while any article still shows it, or (with `version`) if it changed meanwhile. */
export async function deleteMedia(id: string, user: StaffUser, opts: { version?: number } = {}): Promise<{ id: string; filename: string }> {
  const row = await db.media.findUnique({ where: { id }, select: mediaSelect });
  if (!row) throw new AppError('not_found', 'This image is no longer in the library. It may have been deleted.');
  assertCanChange(row, user, 'delete');
  assertVersion('image', row.version, opts.version);
  const usage = await getMediaUsage(id);
  if (usage.length) {
    const names = usage
      .slice(0, 3)
      .map((a) => `“${a.title}”`)
      .join(', ');
    throw new AppError(
      'conflict',
      `This image is used in ${usage.length} ${usage.length === 1 ? 'article' : 'articles'} (${names}${usage.length > 3 ? ', …' : ''}). Remove it from ${usage.length === 1 ? 'that article' : 'them'} first, then delete it.`,
    );
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.media.deleteMany({ where: { id, version: row.version } });
    if (!count) assertVersion('image', row.version + 1, row.version);
    await recordAudit(tx, { actorId: user.id, action: 'media.deleted', entityType: 'media', entityId: id, summary: row.filename });
  });
  const storage = getStorage();
  await Promise.allSettled([row.storageKey, ...variantsOf(row.variants).map((v) => v.key)].map((k) => storage.delete(k)));
  return { id, filename: row.filename };
}

/** Renderable images for the body's image nodes, by media id (missing and unprocessed media are simply absent). */
export async function getBodyImages(doc: BodyDoc): Promise<ImageLookup> {
  const ids = imageIdsOf(doc);
  if (!ids.length) return new Map();
  const rows = await db.media.findMany({ where: { id: { in: ids }, status: 'READY' }, select: mediaSelect });
  return new Map(rows.map((r) => [r.id, toItem(r).image]));
}

/**
 * For saves: the images of the body and the hero, checked to exist and to have alt text
 * (an image without a description cannot go on a page).
 */
export async function resolveArticleImages(doc: BodyDoc, heroImageId: string | null): Promise<ImageLookup> {
  const ids = imageIdsOf(doc);
  const images = await getBodyImages(doc);
  const missing = ids.filter((id) => !images.has(id));
  if (missing.length && (await db.media.count({ where: { id: { in: missing }, status: { not: 'READY' } } }))) {
    const message = 'An image in the body is still being processed (or could not be processed). Wait until the library shows it ready, or remove it, then save again.';
    throw new AppError('unprocessable', message, { body: [message] });
  }
  if (missing.length) {
    throw new AppError('unprocessable', 'An image in the body is no longer in the media library. Remove it and insert it again.', {
      body: ['An image in the body is no longer in the media library. Remove it and insert it again.'],
    });
  }
  if (heroImageId) {
    const hero = await db.media.findUnique({ where: { id: heroImageId }, select: { alt: true, status: true } });
    if (!hero)
      throw new AppError('unprocessable', 'The hero image is no longer in the media library. Choose another.', { heroImageId: ['The hero image is no longer in the media library. Choose another.'] });
    if (hero.status !== 'READY') {
      const message = 'The hero image is still being processed (or could not be processed). Wait until the library shows it ready, or choose another.';
      throw new AppError('unprocessable', message, { heroImageId: [message] });
    }
    if (!hero.alt.trim()) {
      const message = 'The hero image has no alt text. Add it in the media library (or in the picker), then save again.';
      throw new AppError('unprocessable', message, { heroImageId: [message] });
    }
  }
  return images;
}

/** An article's hero (or social) image, shared by generateMetadata and the page through cache(); none until it is processed. */
export const getArticleImage = cache(async (id: string | null | undefined): Promise<MediaItem | null> => {
  const item = id ? await getMedia(id) : null;
  return item?.status === 'READY' ? item : null;
});

/**
 * Fills the library's blank alt text, caption and credit from the first use of an image
 * (the picker asks for them), never overwriting what is there. Returns the item as saved.
 */
export async function describeMediaIfBlank(id: string, text: { alt: string; caption: string; credit: string }, user: StaffUser): Promise<MediaItem> {
  const row = await db.media.findUnique({ where: { id }, select: mediaSelect });
  if (!row) throw new AppError('not_found', 'This image is no longer in the library. It may have been deleted.');
  const data = {
    ...(!row.alt.trim() && text.alt ? { alt: text.alt } : {}),
    ...(!row.caption && text.caption ? { caption: text.caption } : {}),
    ...(!row.credit && text.credit ? { credit: text.credit } : {}),
  };
  if (!Object.keys(data).length) return toItem(row);
  assertCanChange(row, user, 'describe');
  const saved = await db.$transaction(async (tx) => {
    const updated = await tx.media.update({ where: { id }, data: { ...data, version: { increment: 1 } }, select: mediaSelect });
    await recordAudit(tx, { actorId: user.id, action: 'media.updated', entityType: 'media', entityId: id, summary: row.filename, data });
    return updated;
  });
  // Articles already showing it with a blank alt text, caption or credit now show these.
  await invalidatePagesShowing(id);
  return toItem(saved);
}
