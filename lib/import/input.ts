import 'server-only';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ImportInput, ReadProgress } from './records';

/** The file is not what the reader expected (a Ghost export given as WordPress, a truncated file…). */
export class ImportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFormatError';
  }
}

const CHUNK = 256 * 1024;

/** The input's size in bytes, when known (for progress). */
export async function inputSize(input: ImportInput): Promise<number | null> {
  if (typeof input === 'string') return (await stat(input)).size;
  return input.size ?? null;
}

/**
 * The input as UTF-8 text chunks of at most ~256 KiB, reporting bytes read after each chunk.
 * Each call opens the file again (readers make two passes).
 */
export async function* readText(input: ImportInput, pass: 1 | 2, totalBytes: number | null, onProgress?: (p: ReadProgress) => void): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  const source: AsyncIterable<string | Uint8Array> = typeof input === 'string' ? createReadStream(input, { highWaterMark: CHUNK }) : input.open();
  let bytesRead = 0;
  let first = true;
  for await (const chunk of source) {
    let text: string;
    if (typeof chunk === 'string') {
      text = chunk;
      bytesRead += Buffer.byteLength(chunk);
    } else {
      decoder ??= new TextDecoder(declaredEncoding(chunk), { fatal: false });
      text = decoder.decode(chunk, { stream: true });
      bytesRead += chunk.byteLength;
    }
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    if (text) yield text;
    onProgress?.({ pass, bytesRead, totalBytes });
  }
  const rest = decoder?.decode() ?? '';
  if (rest) yield rest;
}

/** The encoding an XML declaration names (old WordPress sites in ISO-8859-1), else UTF-8. */
function declaredEncoding(start: Uint8Array): string {
  const head = Buffer.from(start.subarray(0, 200)).toString('latin1');
  const label = /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  if (!label) return 'utf-8';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return 'utf-8';
  }
}
