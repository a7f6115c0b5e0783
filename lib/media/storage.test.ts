import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentTypeOf, isValidKey, LocalDiskDriver } from './storage';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-storage-'));
const mediaDir = path.join(root, 'media');
fs.mkdirSync(mediaDir);
fs.writeFileSync(path.join(root, 'secret.txt'), 'do not serve');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('media keys', () => {
  it('accepts the keys the pipeline makes', () => {
    for (const key of ['0a1b2c3d4e5f6a7b8c9d/original.jpg', 'abc12345/w320.webp', 'abc12345/social-1a2b3c.jpg']) expect(isValidKey(key), key).toBe(true);
  });
  it.each(['../secret.txt', 'a/../../secret.txt', '/etc/passwd', 'a\\..\\secret.txt', 'a/./b', 'a//b', 'A/B.JPG', 'a/b c.jpg', '', 'a/..', 'a/%2e%2e/b', 'a/b.jpg\0.png'])('refuses %j', (key) => {
    expect(isValidKey(key)).toBe(false);
  });
  it('maps extensions to content types', () => {
    expect(contentTypeOf('a/w320.webp')).toBe('image/webp');
    expect(contentTypeOf('a/w640.avif')).toBe('image/avif');
    expect(contentTypeOf('a/social-x.jpg')).toBe('image/jpeg');
    expect(contentTypeOf('a/x.svg')).toBe('application/octet-stream');
  });
});

describe('LocalDiskDriver', () => {
  const disk = new LocalDiskDriver(mediaDir);

  it('stores, reads and deletes files inside its folder', async () => {
    await disk.put('abc12345/w320.webp', new Uint8Array([9, 8, 7]), 'image/webp');
    expect(fs.readFileSync(path.join(mediaDir, 'abc12345/w320.webp'))).toEqual(Buffer.from([9, 8, 7]));
    expect(await disk.get('abc12345/w320.webp')).toEqual({ body: new Uint8Array([9, 8, 7]), contentType: 'image/webp' });
    expect(disk.url('abc12345/w320.webp')).toBe('/media/abc12345/w320.webp');
    await disk.delete('abc12345/w320.webp');
    expect(await disk.get('abc12345/w320.webp')).toBeNull();
  });

  it('never reads or writes outside its folder', async () => {
    expect(await disk.get('../secret.txt')).toBeNull();
    expect(await disk.get('abc12345')).toBeNull(); // a folder, not a file
    await expect(disk.put('../evil.jpg', new Uint8Array([1]), 'image/jpeg')).rejects.toThrow(/Invalid media key/);
    await expect(disk.delete('../secret.txt')).rejects.toThrow(/Invalid media key/);
    expect(fs.readFileSync(path.join(root, 'secret.txt'), 'utf8')).toBe('do not serve');
    expect(fs.existsSync(path.join(root, 'evil.jpg'))).toBe(false);
  });
});
