import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AwsClient } from 'aws4fetch';

/** Where media bytes live. Keys look like `ab12cd/w640.webp`: lower-case letters, digits, `-`, `_`, `.` and `/`. */
export interface StorageDriver {
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** The bytes and their type, or null when there is no such object. */
  get(key: string): Promise<{ body: Uint8Array; contentType: string } | null>;
  delete(key: string): Promise<void>;
  /** The URL a reader's browser fetches the object from. */
  url(key: string): string;
}

const KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_.-]*)*$/;

/** True for keys this app makes; anything with `..`, a leading slash, a backslash or odd characters is refused. */
export function isValidKey(key: string): boolean {
  return key.length <= 200 && KEY.test(key) && !key.split('/').some((part) => part === '.' || part === '..' || part.includes('..'));
}

function assertKey(key: string) {
  if (!isValidKey(key)) throw new Error(`Invalid media key: ${JSON.stringify(key)}`);
}

export const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

export const contentTypeOf = (key: string) => CONTENT_TYPES[key.slice(key.lastIndexOf('.') + 1)] ?? 'application/octet-stream';

/** Files under a folder (MEDIA_DIR), served by app/media/[...key]/route.ts. */
export class LocalDiskDriver implements StorageDriver {
  constructor(
    private readonly dir: string,
    private readonly publicPrefix = '/media',
  ) {}

  /** The file for a key, proven to be inside the media folder. */
  private file(key: string): string {
    assertKey(key);
    const root = path.resolve(this.dir);
    const file = path.resolve(root, key);
    if (!file.startsWith(root + path.sep)) throw new Error('Media key escapes the media folder');
    return file;
  }

  /** The type is not stored: it follows from the key's extension when served. */
  async put(key: string, body: Uint8Array, contentType?: string) {
    const file = this.file(key);
    if (contentType && contentType !== contentTypeOf(key)) throw new Error(`Media key ${key} does not match its type ${contentType}`);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(tmp, body);
    await fs.rename(tmp, file);
  }

  async get(key: string) {
    if (!isValidKey(key)) return null;
    try {
      return { body: new Uint8Array(await fs.readFile(this.file(key))), contentType: contentTypeOf(key) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EISDIR') return null;
      throw e;
    }
  }

  async delete(key: string) {
    await fs.rm(this.file(key), { force: true });
  }

  url(key: string) {
    assertKey(key);
    return `${this.publicPrefix}/${key}`;
  }
}

export type S3Config = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials (STS, an instance role) come with a session token, sent as X-Amz-Security-Token. */
  sessionToken?: string;
  publicUrl: string;
};

const sha256Hex = (data: Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');

/**
 * Any S3-compatible bucket (AWS S3, MinIO, R2, …) through path-style requests signed with
 * SigV4 by aws4fetch (a few kB, no SDK). The payload hash is signed, so a bucket refuses a
 * body changed on the way.
 */
export class S3Driver implements StorageDriver {
  private readonly client: AwsClient;

  constructor(
    private readonly config: S3Config,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    // No retries inside the signer: a failed write is reported to the caller, which knows what to do.
    this.client = new AwsClient({ accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, sessionToken: config.sessionToken, region: config.region, service: 's3', retries: 0 });
  }

  private async request(method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Uint8Array, contentType?: string): Promise<Response> {
    assertKey(key);
    const base = new URL(this.config.endpoint);
    const basePath = base.pathname.replace(/\/+$/, '');
    const objectPath = `${basePath}/${encodeURIComponent(this.config.bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
    const headers: Record<string, string> = { 'x-amz-content-sha256': sha256Hex(body ?? new Uint8Array()) };
    if (contentType) headers['content-type'] = contentType;
    if (method === 'PUT') headers['cache-control'] = 'public, max-age=31536000, immutable';
    const signed = await this.client.sign(new URL(objectPath, base.origin).toString(), { method, headers, body: body ? Buffer.from(body) : undefined });
    return this.fetchImpl(signed);
  }

  private async fail(res: Response, what: string): Promise<never> {
    const text = (await res.text().catch(() => '')).slice(0, 300);
    throw new Error(`S3 ${what} failed with HTTP ${res.status}: ${text}`);
  }

  async put(key: string, body: Uint8Array, contentType: string) {
    const res = await this.request('PUT', key, body, contentType);
    if (!res.ok) await this.fail(res, `PUT ${key}`);
    await res.arrayBuffer();
  }

  async get(key: string) {
    if (!isValidKey(key)) return null;
    const res = await this.request('GET', key);
    if (res.status === 404) return (await res.arrayBuffer(), null);
    if (!res.ok) await this.fail(res, `GET ${key}`);
    return { body: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type') ?? contentTypeOf(key) };
  }

  async delete(key: string) {
    const res = await this.request('DELETE', key);
    if (!res.ok && res.status !== 404) await this.fail(res, `DELETE ${key}`);
    await res.arrayBuffer();
  }

  url(key: string) {
    assertKey(key);
    return `${this.config.publicUrl.replace(/\/+$/, '')}/${key}`;
  }
}
