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
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const source: AsyncIterable<string | Uint8Array> = typeof input === 'string' ? createReadStream(input, { highWaterMark: CHUNK }) : input.open();
  let bytesRead = 0;
  let first = true;
  for await (const chunk of source) {
    let text: string;
    if (typeof chunk === 'string') {
      text = chunk;
      bytesRead += Buffer.byteLength(chunk);
    } else {
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
  const rest = decoder.decode();
  if (rest) yield rest;
}
