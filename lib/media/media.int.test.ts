import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveArticle } from '@/lib/articles/mutations';
import zlib from 'node:zlib';
import { pageTags } from '@/lib/cache';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { RateLimitedError } from '@/lib/rate-limit';
import { deleteMedia, getMedia, getMediaUsage, updateMedia, uploadMedia, type MediaItem } from '@/lib/media';
import { setStorageForTests } from '@/lib/media/driver';
import { LocalDiskDriver, S3Driver } from '@/lib/media/storage';
import type { StaffUser } from '@/lib/users';
import { articleFormSchema } from '@/lib/validation/articles';
import { createUser, unique } from '@/test/fixtures';
import { signV4 } from '@/test/sigv4';
import { watchInvalidations } from '@/test/invalidations';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-media-'));
let author: StaffUser;
let otherAuthor: StaffUser;
let editor: StaffUser;
let contributor: StaffUser;

beforeAll(async () => {
  setStorageForTests(new LocalDiskDriver(dir));
  [author, otherAuthor, editor, contributor] = await Promise.all([createUser('AUTHOR'), createUser('AUTHOR'), createUser('EDITOR'), createUser('CONTRIBUTOR')]);
});
afterAll(() => {
  setStorageForTests(undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A JPEG shot "sideways": stored 2400×1600 with EXIF orientation 6 (rotate 90°) and GPS-bearing metadata. */
async function sidewaysJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1600, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Copyright: 'Secret Camera Co', Make: 'SpyCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** 3000×1000: the left 500 px red, the rest blue, so a crop's position shows in its pixels. */
async function redLeftEdge(): Promise<Buffer> {
  const red = await sharp({ create: { width: 500, height: 1000, channels: 3, background: { r: 255, g: 0, b: 0 } } })
    .png()
    .toBuffer();
  return sharp({ create: { width: 3000, height: 1000, channels: 3, background: { r: 0, g: 0, b: 255 } } })
    .composite([{ input: red, left: 0, top: 0 }])
    .png()
    .toBuffer();
}

const onDisk = (url: string) => path.join(dir, url.replace(/^\/media\//, ''));
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a refusal');
};

describe('upload pipeline (local disk)', () => {
  let item: MediaItem;

  it('turns a sideways JPEG upright, strips its metadata and makes WebP/AVIF renditions without upscaling', async () => {
    const started = performance.now();
    item = await uploadMedia({ bytes: await sidewaysJpeg(), filename: 'harbour.jpg' }, author);
    const ms = performance.now() - started;
    console.log(`[media] 2400×1600 JPEG -> original + ${item.image.srcset.split(',').length} WebP + AVIF + 2 crops in ${ms.toFixed(0)} ms`);

    const row = await db.media.findUniqueOrThrow({ where: { id: item.id } });
    expect(row).toMatchObject({ filename: 'harbour.jpg', mimeType: 'image/jpeg', width: 1600, height: 2400, uploadedById: author.id, alt: '' });
    const variants = row.variants as { width: number; height: number; format: string; key: string; crop?: string }[];
    const webp = variants.filter((v) => v.format === 'webp' && !v.crop).map((v) => [v.width, v.height]);
    expect(webp).toEqual([
      [320, 480],
      [640, 960],
      [960, 1440],
      [1280, 1920],
    ]); // no 1920: the original is 1600 wide
    expect(variants.filter((v) => v.format === 'avif').map((v) => v.width)).toEqual([640, 1280]);
    expect(variants.filter((v) => v.crop).map((v) => [v.crop, v.width, v.height, v.format])).toEqual([
      ['social', 1200, 630, 'jpeg'],
      ['card', 640, 360, 'webp'],
    ]);
    for (const v of variants) {
      const file = path.join(dir, v.key);
      expect(fs.existsSync(file), v.key).toBe(true);
      const meta = await sharp(file).metadata();
      expect([meta.format === 'heif' ? 'avif' : meta.format, meta.width, meta.height]).toEqual([v.format, v.width, v.height]);
    }
    const original = await sharp(path.join(dir, row.storageKey)).metadata();
    expect([original.width, original.height]).toEqual([1600, 2400]);
    expect(original.exif).toBeUndefined();
    expect(original.orientation).toBeUndefined();
    expect(fs.readFileSync(path.join(dir, row.storageKey)).includes('SpyCam')).toBe(false);
    expect(item.image.srcset).toMatch(new RegExp(`^/media/${item.id}/w320\\.webp 320w, /media/${item.id}/w640\\.webp 640w`));
    expect(item.image.src).toBe(`/media/${item.id}/w960.webp`);
    expect(await db.auditLog.count({ where: { entityId: item.id, action: 'media.uploaded', actorId: author.id } })).toBe(1);
  });

  it('keeps a small PNG at its own width', async () => {
    const small = await sharp({ create: { width: 200, height: 100, channels: 4, background: '#00ff0080' } })
      .png()
      .toBuffer();
    const png = await uploadMedia({ bytes: small, filename: 'dot.png' }, author);
    expect(png.image.srcset).toBe(`/media/${png.id}/w200.webp 200w`);
    expect(png.image.avifSrcset).toBe(`/media/${png.id}/w200.avif 200w`);
    expect(png.crops.social).toMatchObject({ width: 190, height: 100 });
  });

  it('refuses a text file renamed .png, an oversized file and a damaged image, storing nothing', async () => {
    const before = fs.readdirSync(dir).length;
    const count = await db.media.count();
    const txt = await refusal(uploadMedia({ bytes: new TextEncoder().encode('Meeting notes: bring biscuits.\n'.repeat(20)), filename: 'notes.png' }, author));
    expect(txt.message).toBe('“notes.png” is not a JPEG, PNG, WebP, AVIF or GIF image (its contents say otherwise, whatever its name). Export it in one of those formats and try again.');
    const big = new Uint8Array(14_200_000);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    expect((await refusal(uploadMedia({ bytes: big, filename: 'huge.jpg' }, author))).message).toBe('That file is 14.2 MB; the limit is 10 MB. Resize it and try again.');
    const truncated = (await sidewaysJpeg()).subarray(0, 400);
    expect((await refusal(uploadMedia({ bytes: truncated, filename: 'cut.jpg' }, author))).message).toMatch(/could not be read/);
    expect(fs.readdirSync(dir).length).toBe(before);
    expect(await db.media.count()).toBe(count);
  });

  it('refuses an image over 40 megapixels from its header, before decoding it, saying how large it is', async () => {
    // A 200-byte PNG that claims 12,000 × 9,000 pixels: decoding it would take 324 MB.
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(zlib.crc32(body));
      return Buffer.concat([len, body, crc]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(12_000, 0);
    ihdr.writeUInt32BE(9_000, 4);
    ihdr.set([8, 2, 0, 0, 0], 8);
    const bomb = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))]);
    const count = await db.media.count();
    const started = performance.now();
    const refused = await refusal(uploadMedia({ bytes: bomb, filename: 'bomb.png' }, author));
    expect(refused).toMatchObject({ code: 'unprocessable', details: { file: [refused.message] } });
    expect(refused.message).toBe('“bomb.png” is 12,000 × 9,000 pixels (108 megapixels); the limit is 40 megapixels. Scale it down (to 7,300 px wide or less) and try again.');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await db.media.count()).toBe(count);
  });

  it('keeps originals at most 4096 px wide, upright', async () => {
    const wide = await sharp({ create: { width: 6000, height: 300, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    const item = await uploadMedia({ bytes: wide, filename: 'panorama.png' }, author);
    expect(item).toMatchObject({ width: 4096, height: 205 });
    expect(await sharp(fs.readFileSync(onDisk(item.originalUrl))).metadata()).toMatchObject({ width: 4096, height: 205 });
    // Shot sideways: 6000 px is its height once upright, so it keeps all of it.
    const tall = await sharp({ create: { width: 6000, height: 300, channels: 3, background: '#996633' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect(await uploadMedia({ bytes: tall, filename: 'tower.jpg' }, author)).toMatchObject({ width: 300, height: 6000 });
  });

  it('limits how many images one user uploads in a while (429 with the wait), and nothing is stored past it', async () => {
    const saved = env.MEDIA_UPLOAD_RATE_LIMIT;
    env.MEDIA_UPLOAD_RATE_LIMIT = '2/600';
    try {
      const uploader = await createUser('AUTHOR');
      const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#000' } })
        .png()
        .toBuffer();
      await uploadMedia({ bytes: png, filename: 'one.png' }, uploader);
      await uploadMedia({ bytes: png, filename: 'two.png' }, uploader);
      const count = await db.media.count();
      const third = await refusal(uploadMedia({ bytes: png, filename: 'three.png' }, uploader));
      expect(third).toBeInstanceOf(RateLimitedError);
      expect(third).toMatchObject({ code: 'rate_limited', retryAfterSeconds: expect.any(Number) });
      expect(third.message).toMatch(/^You have uploaded 2 images in the last 10 minutes, the most allowed\. Try again in \d+ (minutes|seconds)\.$/);
      expect(await db.media.count()).toBe(count);
      // Another writer is not held back by this one.
      await uploadMedia({ bytes: png, filename: 'other.png' }, otherAuthor);
    } finally {
      env.MEDIA_UPLOAD_RATE_LIMIT = saved;
    }
  });

  it('lets authors and up upload, and only editors change images others uploaded', async () => {
    const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#123456' } })
      .jpeg()
      .toBuffer();
    expect((await refusal(uploadMedia({ bytes, filename: 'x.jpg' }, contributor))).code).toBe('forbidden');
    const input = { alt: 'A harbour at dusk', caption: 'Boats in the harbour', credit: 'Ana Photographer', focalX: null, focalY: null };
    expect((await refusal(updateMedia(item.id, input, otherAuthor))).code).toBe('forbidden');
    expect((await refusal(deleteMedia(item.id, otherAuthor))).code).toBe('forbidden');
    const updated = await updateMedia(item.id, input, editor);
    expect(updated).toMatchObject({ alt: 'A harbour at dusk', caption: 'Boats in the harbour', credit: 'Ana Photographer' });
    expect(await db.auditLog.count({ where: { entityId: item.id, action: 'media.updated', actorId: editor.id } })).toBe(1);
  });
});

describe('focal point crops', () => {
  it('re-cuts the social crop around the focal point under a new key', async () => {
    const item = await uploadMedia({ bytes: await redLeftEdge(), filename: 'flag.png' }, author);
    const pixel = async (url: string) => {
      const { data } = await sharp(onDisk(url)).extract({ left: 5, top: 300, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
      return data[0]! > 200 && data[2]! < 60 ? 'red' : data[2]! > 200 && data[0]! < 60 ? 'blue' : 'other';
    };
    // Centred: 1905 px wide from x=548, so its left edge is blue; around x=10% it starts at 0, in the red.
    expect(await pixel(item.crops.social!.url)).toBe('blue');
    const left = await updateMedia(item.id, { alt: 'Flag', caption: '', credit: '', focalX: 10, focalY: 50 }, author);
    expect(left.crops.social!.url).not.toBe(item.crops.social!.url);
    expect(fs.existsSync(onDisk(item.crops.social!.url))).toBe(false);
    expect(await pixel(left.crops.social!.url)).toBe('red');
    expect(await pixel(left.crops.card!.url)).toBe('red');
    const row = await db.media.findUniqueOrThrow({ where: { id: item.id }, select: { focalX: true, focalY: true } });
    expect(row).toEqual({ focalX: 0.1, focalY: 0.5 });
  });
});

describe('images in articles', () => {
  const data = (heroImageId: string | undefined, mediaId: string, alt = 'Boats') =>
    articleFormSchema.parse({
      title: `Harbour story ${unique()}`,
      bodyJson: JSON.stringify({
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Intro.' }] },
          { type: 'image', attrs: { mediaId, alt, caption: 'At dusk', credit: 'Ana' } },
        ],
      }),
      heroImageId,
    });

  it('stores the body figure with srcset and the hero; refuses a hero without alt; refuses deleting a used image', async () => {
    const bytes = await sharp({ create: { width: 1000, height: 500, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer();
    const noAlt = await uploadMedia({ bytes, filename: 'no-alt.jpg' }, author);
    const hero = await refusal(saveArticle({ intent: 'save', data: data(noAlt.id, noAlt.id) }, author));
    expect(hero.details?.heroImageId?.[0]).toMatch(/no alt text/);

    await updateMedia(noAlt.id, { alt: 'Blue field', caption: '', credit: '', focalX: null, focalY: null }, author);
    const saved = await saveArticle({ intent: 'publish', data: data(noAlt.id, noAlt.id) }, editor);
    const row = await db.article.findUniqueOrThrow({ where: { id: saved.id }, select: { bodyHtml: true, heroImageId: true } });
    expect(row.heroImageId).toBe(noAlt.id);
    expect(row.bodyHtml).toContain(`<figure class="media-figure"><picture><source type="image/avif" srcset="/media/${noAlt.id}/w640.avif 640w"`);
    expect(row.bodyHtml).toContain(`width="1000" height="500" alt="Boats"`);
    expect(row.bodyHtml).toContain('<figcaption>At dusk — <span class="media-credit">Ana</span></figcaption>');

    expect((await getMediaUsage(noAlt.id)).map((a) => a.id)).toEqual([saved.id]);
    // A new caption or focal point refreshes the pages showing the published story (its page, cards with the hero).
    const watch = await watchInvalidations();
    await updateMedia(noAlt.id, { alt: 'Blue field', caption: 'The harbour', credit: '', focalX: null, focalY: null }, author);
    expect(watch.marked(pageTags.article(saved.id))).toBe(true);
    const refused = await refusal(deleteMedia(noAlt.id, editor));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/^This image is used in 1 article \(“Harbour story/);

    // Removing the hero and the body image frees it.
    await saveArticle({ id: saved.id, version: saved.version, intent: 'save', data: articleFormSchema.parse({ title: 'Harbour story, no pictures', body: 'Text only.', heroImageId: '' }) }, editor);
    await deleteMedia(noAlt.id, editor);
    expect(await getMedia(noAlt.id)).toBeNull();
    expect(fs.existsSync(path.join(dir, noAlt.id))).toBe(true); // the folder may stay…
    expect(fs.readdirSync(path.join(dir, noAlt.id))).toEqual([]); // …but every file is gone
    expect(await db.auditLog.count({ where: { entityId: noAlt.id, action: 'media.deleted' } })).toBe(1);
  });

  it('refuses a body image that is not in the library', async () => {
    const e = await refusal(saveArticle({ intent: 'save', data: data(undefined, 'ffffffffffffffffffff') }, author));
    expect(e.message).toMatch(/no longer in the media library/);
  });
});

describe('S3-compatible driver', () => {
  const creds = { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret-key-0123456789', region: 'eu-test-1' };
  // Temporary credentials: the stub then also wants this token, signed.
  const SESSION_TOKEN = 'FwoGZXIvYXdzEXAMPLE-session-token';
  const objects = new Map<string, { body: Buffer; type: string }>();
  const seen: { method: string; url: string; authorization: string; token?: string }[] = [];
  let server: http.Server;
  let endpoint: string;

  beforeAll(async () => {
    // A tiny S3 stand-in: checks each request's SigV4 signature with the shared secret, then stores objects.
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const auth = String(req.headers.authorization ?? '');
        const token = req.headers['x-amz-security-token'] as string | undefined;
        seen.push({ method: req.method!, url: req.url!, authorization: auth, token });
        const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
        const signed = m?.[4]?.split(';') ?? [];
        const headers = Object.fromEntries(signed.map((h) => [h, String(req.headers[h] ?? '')]));
        const expected = m && signV4({ method: req.method!, path: req.url!, headers, payloadHash: String(req.headers['x-amz-content-sha256']) }, { ...creds, service: 's3' }).authorization;
        const bodyHash = crypto.createHash('sha256').update(body).digest('hex');
        const tokenOk = token === undefined || (token === SESSION_TOKEN && signed.includes('x-amz-security-token'));
        if (!m || m[1] !== creds.accessKeyId || auth !== expected || !signed.includes('host') || bodyHash !== req.headers['x-amz-content-sha256'] || !tokenOk) {
          res.writeHead(403, { 'Content-Type': 'application/xml' }).end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
          return;
        }
        const key = decodeURIComponent(req.url!);
        if (req.method === 'PUT') objects.set(key, { body, type: String(req.headers['content-type']) });
        if (req.method === 'DELETE') objects.delete(key);
        if (req.method === 'GET') {
          const o = objects.get(key);
          if (!o) return void res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
          return void res.writeHead(200, { 'Content-Type': o.type }).end(o.body);
        }
        res.writeHead(req.method === 'DELETE' ? 204 : 200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    setStorageForTests(new LocalDiskDriver(dir));
    await new Promise((r) => server.close(r));
  });

  const driver = () => new S3Driver({ endpoint, bucket: 'news-media', ...creds, publicUrl: 'https://cdn.example.com/media/' });

  it('puts, gets and deletes objects with signed requests, path-style', async () => {
    const s3 = driver();
    await s3.put('abc12345/w320.webp', new Uint8Array([1, 2, 3]), 'image/webp');
    expect(objects.get('/news-media/abc12345/w320.webp')).toEqual({ body: Buffer.from([1, 2, 3]), type: 'image/webp' });
    expect(await s3.get('abc12345/w320.webp')).toEqual({ body: new Uint8Array([1, 2, 3]), contentType: 'image/webp' });
    expect(await s3.get('abc12345/missing.webp')).toBeNull();
    await s3.delete('abc12345/w320.webp');
    expect(objects.has('/news-media/abc12345/w320.webp')).toBe(false);
    expect(s3.url('abc12345/w320.webp')).toBe('https://cdn.example.com/media/abc12345/w320.webp');
    expect(seen.at(-1)?.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/eu-test-1\/s3\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
  });

  it('sends and signs the session token of temporary credentials', async () => {
    const s3 = new S3Driver({ endpoint, bucket: 'news-media', ...creds, sessionToken: SESSION_TOKEN, publicUrl: 'https://cdn.example.com' });
    await s3.put('abc12345/token.webp', new Uint8Array([4, 5]), 'image/webp');
    expect(objects.get('/news-media/abc12345/token.webp')?.body).toEqual(Buffer.from([4, 5]));
    expect(seen.at(-1)).toMatchObject({ token: SESSION_TOKEN, authorization: expect.stringContaining('SignedHeaders=cache-control;host;x-amz-content-sha256;x-amz-date;x-amz-security-token,') });
    // A wrong token is refused like a wrong key.
    const stale = new S3Driver({ endpoint, bucket: 'news-media', ...creds, sessionToken: 'expired', publicUrl: 'https://cdn.example.com' });
    await expect(stale.put('abc12345/stale.webp', new Uint8Array([1]), 'image/webp')).rejects.toThrow(/HTTP 403/);
  });

  it('reports a refused signature as an error, not as success', async () => {
    const wrong = new S3Driver({ endpoint, bucket: 'news-media', ...creds, secretAccessKey: 'not-the-secret', publicUrl: 'https://cdn.example.com' });
    await expect(wrong.put('abc12345/x.webp', new Uint8Array([1]), 'image/webp')).rejects.toThrow(/HTTP 403/);
    expect(objects.has('/news-media/abc12345/x.webp')).toBe(false);
  });

  it('runs the whole upload pipeline into the bucket', async () => {
    setStorageForTests(driver());
    const bytes = await sharp({ create: { width: 700, height: 400, channels: 3, background: '#884422' } })
      .webp()
      .toBuffer();
    const item = await uploadMedia({ bytes, filename: 'bucket.webp' }, author);
    expect(item.image.srcset).toBe(`https://cdn.example.com/media/${item.id}/w320.webp 320w, https://cdn.example.com/media/${item.id}/w640.webp 640w`);
    const keys = [...objects.keys()].filter((k) => k.includes(item.id)).sort();
    expect(keys.length).toBe(1 + 2 + 1 + 2); // original, 2 WebP, 1 AVIF, 2 crops
    expect(objects.get(`/news-media/${item.id}/w640.webp`)?.type).toBe('image/webp');
    await deleteMedia(item.id, author);
    expect([...objects.keys()].filter((k) => k.includes(item.id))).toEqual([]);
  });
});
