import 'server-only';
import sharp from 'sharp';
import { focalCrop } from './focal';

/** Responsive widths in WebP (never wider than the original). */
export const WEBP_WIDTHS = [320, 640, 960, 1280, 1920] as const;
/**
 * AVIF is 2–3× slower to encode than WebP (1920 px: ~2 s against ~0.6 s on a 2-core machine,
 * bench in lib/media/media.int.test.ts), so it is made at two widths only; browsers that take
 * AVIF pick the nearer one, and everything else uses the WebP set.
 */
export const AVIF_WIDTHS = [640, 1280] as const;
/** Focal-point crops: the social card (og:image, 1200×630) and a 16:9 thumbnail for lists. */
export const CROPS = { social: { width: 1200, height: 630 }, card: { width: 640, height: 360 } } as const;
export type CropName = keyof typeof CROPS;

export type Variant = { width: number; height: number; format: 'webp' | 'avif' | 'jpeg'; key: string; crop?: CropName };

export type Rendition = Variant & { body: Uint8Array; contentType: string };

const ORIGINAL_FORMAT = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp', 'image/avif': 'avif', 'image/gif': 'gif' } as const;
const EXT = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif', gif: 'gif' } as const;

/**
 * Decoding stops past this many pixels: a tiny file that claims huge dimensions must not exhaust
 * memory. Uploads are refused earlier, from their header, at 40 megapixels (./guards.ts); this is
 * the backstop for anything that reaches sharp another way.
 */
const LIMIT_INPUT_PIXELS = 50_000_000;

/** Originals are kept at most this wide (renditions stop at 1920 px; this leaves room for crops and print). */
export const MAX_ORIGINAL_WIDTH = 4096;

export type Normalised = { body: Uint8Array; width: number; height: number; key: string; contentType: string };

/**
 * The upload, turned upright (EXIF orientation applied), at most MAX_ORIGINAL_WIDTH wide and
 * stripped of metadata such as camera serials and GPS position, in its own format; kept as the
 * source of later crops. Animated GIFs keep their first frame only.
 */
export async function normaliseOriginal(input: Uint8Array, mimeType: keyof typeof ORIGINAL_FORMAT, keyBase: string): Promise<Normalised> {
  const format = ORIGINAL_FORMAT[mimeType];
  const { data, info } = await sharp(input, { limitInputPixels: LIMIT_INPUT_PIXELS, failOn: 'error' })
    .rotate()
    .resize({ width: MAX_ORIGINAL_WIDTH, withoutEnlargement: true })
    .toFormat(format, format === 'jpeg' ? { quality: 90 } : undefined)
    .toBuffer({ resolveWithObject: true });
  return { body: new Uint8Array(data), width: info.width, height: info.height, key: `${keyBase}/original.${EXT[format]}`, contentType: mimeType };
}

/** The responsive widths that fit an image of this width, plus the original width when narrower than the largest. */
export function widthsFor(original: number, widths: readonly number[]): number[] {
  const fit = widths.filter((w) => w <= original);
  return fit.length ? fit : [original];
}

/** The largest rendition's width: every other size and crop is cut from a copy this wide. */
export const BASE_WIDTH = 1920;

/** Decoded pixels at most BASE_WIDTH wide: the one full-size decode an upload needs. */
export type Base = { data: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4 };

/**
 * Decodes the original once, shrinking it to BASE_WIDTH as it loads (JPEG shrink-on-load
 * makes this the cheap part), so each rendition resizes a 2-megapixel copy, not the photo.
 */
export async function makeBase(original: Uint8Array): Promise<Base> {
  const { data, info } = await sharp(original, { limitInputPixels: LIMIT_INPUT_PIXELS }).resize({ width: BASE_WIDTH, withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

const fromBase = (base: Base) => sharp(base.data, { raw: { width: base.width, height: base.height, channels: base.channels } });

/** WebP at every width that fits, AVIF at its few widths. */
export async function makeRenditions(base: Base, keyBase: string): Promise<Rendition[]> {
  const out: Rendition[] = [];
  const jobs: { width: number; format: 'webp' | 'avif' }[] = [
    ...widthsFor(base.width, WEBP_WIDTHS).map((width) => ({ width, format: 'webp' as const })),
    ...widthsFor(base.width, AVIF_WIDTHS).map((width) => ({ width, format: 'avif' as const })),
  ];
  for (const job of jobs) {
    const pipeline = fromBase(base).resize({ width: job.width, withoutEnlargement: true });
    const encoded = job.format === 'webp' ? pipeline.webp({ quality: 78 }) : pipeline.avif({ quality: 50, effort: 2 });
    const { data: body, info: meta } = await encoded.toBuffer({ resolveWithObject: true });
    out.push({ width: meta.width, height: meta.height, format: job.format, key: `${keyBase}/w${meta.width}.${job.format}`, body: new Uint8Array(body), contentType: `image/${job.format}` });
  }
  return out;
}

/**
 * The focal-point crops: the largest box of the target's shape around the focal point, cut
 * with extract() and then scaled down (never up). `version` changes with the focal point so
 * a new crop gets a new URL (the old one is cached for a year).
 */
export async function makeCrops(base: Base, focal: { x: number | null; y: number | null }, keyBase: string, version: string): Promise<Rendition[]> {
  const out: Rendition[] = [];
  for (const [name, size] of Object.entries(CROPS) as [CropName, { width: number; height: number }][]) {
    const box = focalCrop(base, focal, size.width / size.height);
    const pipeline = fromBase(base)
      .extract(box)
      .resize({ width: Math.min(size.width, box.width), height: Math.min(size.height, box.height), fit: 'cover', withoutEnlargement: true });
    // The social card is a JPEG: every network's crawler reads JPEG; not all read WebP.
    const format = name === 'social' ? 'jpeg' : 'webp';
    const encoded = format === 'jpeg' ? pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }) : pipeline.webp({ quality: 78 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    out.push({ width: info.width, height: info.height, format, crop: name, key: `${keyBase}/${name}-${version}.${EXT[format]}`, body: new Uint8Array(data), contentType: `image/${format}` });
  }
  return out;
}
