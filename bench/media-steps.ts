// Prints how long the upload pipeline takes per step for a photo-sized image, so the choice
// of AVIF widths (lib/media/process.ts) can be checked on the machine that will run it.
//   npx tsx --conditions=react-server bench/media-steps.ts [width height]
// (bench/media-upload.ts measures uploads over HTTP, several users at once.)
import os from 'node:os';
import sharp from 'sharp';
import { makeBase, makeCrops, makeRenditions, normaliseOriginal } from '../lib/media/process.ts';

const width = Number(process.argv[2] ?? 4000);
const height = Number(process.argv[3] ?? 3000);

/** A photo-like test image: smooth gradients with grain (pure noise would be unrealistically large). */
async function photo(): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const grain = (Math.random() * 24) | 0;
      raw[i] = ((x / width) * 200 + grain) | 0;
      raw[i + 1] = ((y / height) * 180 + grain) | 0;
      raw[i + 2] = (((x + y) / (width + height)) * 160 + 40 + grain) | 0;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

const time = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
  const t = performance.now();
  const out = await fn();
  console.log(`${label.padEnd(34)} ${(performance.now() - t).toFixed(0).padStart(6)} ms`);
  return out;
};

const input = await photo();
console.log(`${width}×${height} JPEG, ${(input.length / 1e6).toFixed(1)} MB, ${os.cpus().length} CPUs, sharp concurrency ${sharp.concurrency()}`);
const total = performance.now();
const original = await time('normalise (rotate, strip metadata)', () => normaliseOriginal(input, 'image/jpeg', 'bench0000'));
const base = await time('decode once to 1920 px', () => makeBase(original.body));
const renditions = await time('WebP + AVIF renditions', () => makeRenditions(base, 'bench0000'));
await time('focal crops (social, card)', () => makeCrops(base, { x: 0.3, y: 0.4 }, 'bench0000', 'v1'));
console.log(`${'total'.padEnd(34)} ${(performance.now() - total).toFixed(0).padStart(6)} ms`);
for (const r of renditions) console.log(`  ${r.key.padEnd(24)} ${(r.body.length / 1024).toFixed(0).padStart(6)} KB`);

// What AVIF would cost at every WebP width, for comparison with the two widths made.
for (const w of [320, 960, 1920]) {
  await time(`  (AVIF at ${w} px, not made)`, () =>
    sharp(base.data, { raw: { width: base.width, height: base.height, channels: base.channels } })
      .resize({ width: w })
      .avif({ quality: 50, effort: 2 })
      .toBuffer(),
  );
}
