import 'server-only';
import type { Writable } from 'node:stream';
import { once } from 'node:events';

// A minimal ustar writer, enough for the export's media archive: regular files with short paths.

const BLOCK = 512;

function header(name: string, size: number, mtime: Date): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`Archive path too long: ${name}`);
  const h = Buffer.alloc(BLOCK);
  const put = (value: string, offset: number, length: number) => h.write(value, offset, length, 'utf8');
  const octal = (n: number, length: number) => n.toString(8).padStart(length - 1, '0') + '\0';
  put(name, 0, 100);
  put(octal(0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 12);
  put('        ', 148, 8);
  put('0', 156, 1);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  let sum = 0;
  for (const byte of h) sum += byte;
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return h;
}

async function write(out: Writable, chunk: Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Appends one file to a tar stream. */
export async function writeTarEntry(out: Writable, name: string, body: Uint8Array, mtime = new Date()): Promise<void> {
  await write(out, header(name, body.length, mtime));
  await write(out, Buffer.from(body));
  const pad = (BLOCK - (body.length % BLOCK)) % BLOCK;
  if (pad) await write(out, Buffer.alloc(pad));
}

/** Ends the archive (two empty blocks). */
export async function endTar(out: Writable): Promise<void> {
  await write(out, Buffer.alloc(BLOCK * 2));
}
