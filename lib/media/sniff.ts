import 'server-only';

export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif'] as const;
export type AcceptedType = (typeof ACCEPTED_TYPES)[number];

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/**
 * The image type the bytes really hold, from their signature ("magic bytes"), or null.
 * The file name and the browser's declared type are never trusted: a text file renamed
 * photo.png is refused here.
 */
export function sniffImageType(bytes: Uint8Array): AcceptedType | null {
  if (bytes.length < 12) return null;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  // ISO-BMFF: [size]['ftyp'][major brand]…[compatible brands]; AVIF says avif (still) or avis (sequence).
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const boxSize = Math.min(((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0, bytes.length, 256);
    for (let i = 8; i + 4 <= boxSize; i += 4) {
      const brand = ascii(bytes, i, i + 4);
      if (brand === 'avif' || brand === 'avis') return 'image/avif';
    }
  }
  return null;
}

export { formatMegabytes, uploadSizeError } from './limits';

/** The message for bytes that are not one of the accepted image types. */
export function unsupportedTypeMessage(filename: string): string {
  return `“${filename}” is not a JPEG, PNG, WebP, AVIF or GIF image (its contents say otherwise, whatever its name). Export it in one of those formats and try again.`;
}
