import { describe, expect, it } from 'vitest';
import { formatMegabytes, sniffImageType, uploadSizeError } from './sniff';

const bytes = (...parts: (number[] | string)[]) => {
  const out: number[] = [];
  for (const p of parts) out.push(...(typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p));
  while (out.length < 32) out.push(0);
  return new Uint8Array(out);
};

describe('sniffImageType', () => {
  it('recognises each accepted format by its signature', () => {
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffImageType(bytes('GIF89a'))).toBe('image/gif');
    expect(sniffImageType(bytes('GIF87a'))).toBe('image/gif');
    expect(sniffImageType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0], 'avifmif1miaf'))).toBe('image/avif');
    expect(sniffImageType(bytes([0, 0, 0, 0x1c], 'ftypmif1', [0, 0, 0, 0], 'mif1avifmiaf'))).toBe('image/avif');
  });

  it('refuses text renamed .png, HEIC, MP4, SVG and truncated files', () => {
    expect(sniffImageType(new TextEncoder().encode('just some notes, not an image at all'))).toBeNull();
    expect(sniffImageType(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'))).toBeNull();
    expect(sniffImageType(bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 0, 0], 'isomavc1'))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull();
    expect(sniffImageType(new Uint8Array([0xff, 0xd8]))).toBeNull();
  });
});

describe('uploadSizeError', () => {
  it('says how big the file is, what the limit is and what to do', () => {
    expect(uploadSizeError(14_200_000, 10)).toBe('That file is 14.2 MB; the limit is 10 MB. Resize it and try again.');
    expect(uploadSizeError(10_000_001, 10)).toMatch(/^That file is 10 MB; the limit is 10 MB/);
  });
  it('accepts files up to the limit and refuses empty ones', () => {
    expect(uploadSizeError(10_000_000, 10)).toBeNull();
    expect(uploadSizeError(1, 10)).toBeNull();
    expect(uploadSizeError(0, 10)).toBe('That file is empty. Choose the image again.');
  });
  it('formats megabytes with one decimal', () => {
    expect(formatMegabytes(2_345_678)).toBe('2.3 MB');
    expect(formatMegabytes(14_249_000)).toBe('14.2 MB');
  });
});
