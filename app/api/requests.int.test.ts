import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createArticle } from '@/test/fixtures';
import * as auth from './auth/[...nextauth]/route';
import * as comments from './comments/route';
import * as preview from './media/[id]/preview/route';
import * as media from './media/route';

// The route handlers' request checks over real sockets: bodies are capped as they arrive
// (declared or chunked), their type and syntax checked, cross-site requests to cookie routes
// refused — each answered in the API's error shape, nothing stored, never a 500. Each handler
// runs behind a plain Node server that turns the socket's request into a web Request, as Next does.

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;
const routes: Record<string, { handler: Handler; params?: Record<string, unknown> }> = {
  '/api/comments': { handler: comments.POST as Handler },
  '/api/media': { handler: media.POST as Handler },
  '/api/media/list': { handler: media.GET as Handler },
  '/api/media/preview': { handler: preview.GET as Handler, params: { id: 'abcdef0123456789abcd' } },
  '/api/auth/callback/credentials': { handler: auth.POST as unknown as Handler, params: { nextauth: ['callback', 'credentials'] } },
};

let server: http.Server;
let base = '';
beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname]!;
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !['connection', 'transfer-encoding', 'keep-alive'].includes(k)) headers.set(k, v);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(`${base}${req.url}`, { method: req.method, headers, body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined, duplex: 'half' } as RequestInit);
    const response = await route.handler(request, { params: Promise.resolve(route.params ?? {}) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Sends a request; `chunks` go out with Transfer-Encoding: chunked (no Content-Length). */
function send(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: Buffer[] }) {
  return new Promise<{ status: number; json: { error?: { code: string; message: string; details: unknown } } }>((resolve, reject) => {
    const req = http.request(base + path, { method: opts.method ?? 'POST', headers: opts.headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : {} }));
    });
    req.on('error', reject);
    if (opts.chunks) {
      (async () => {
        for (const c of opts.chunks!) {
          if (!req.write(c)) await new Promise((r) => req.once('drain', r));
        }
        req.end();
      })().catch(() => {});
    } else req.end(opts.body);
  });
}

const errorShape = (code: string) => ({ error: { code, message: expect.any(String), details: null } });
const json = { 'content-type': 'application/json' };

describe('request bodies', () => {
  it('answers a wrong content type 415, malformed JSON 400 and an oversized body 413, in the API error shape, storing nothing', async () => {
    const article = await createArticle({});
    const before = await db.comment.count();
    const valid = JSON.stringify({ articleId: article.id, body: 'Hello', name: 'Ann', email: 'ann@example.com', formToken: '' });

    const plain = await send('/api/comments', { headers: { 'content-type': 'text/plain' }, body: valid });
    expect(plain.status).toBe(415);
    expect(plain.json).toEqual(errorShape('unsupported_media_type'));
    expect(plain.json.error!.message).toContain('application/json');

    const none = await send('/api/comments', { body: valid });
    expect(none.status).toBe(415);

    for (const body of ['{"articleId": ', '{articleId: 1}', '\u0000', '']) {
      const bad = await send('/api/comments', { headers: json, body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.json).toEqual(errorShape('bad_request'));
    }
    const notUtf8 = await send('/api/comments', { headers: json, body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) });
    expect(notUtf8.status).toBe(400);
    expect(notUtf8.json.error!.message).toContain('UTF-8');
    for (const body of ['[]', '"text"', 'null', '42']) expect((await send('/api/comments', { headers: json, body })).status, body).toBe(400);

    const declared = await send('/api/comments', { headers: json, body: JSON.stringify({ body: 'x'.repeat(70 * 1024) }) });
    expect(declared.status).toBe(413);
    expect(declared.json).toEqual(errorShape('payload_too_large'));
    expect(declared.json.error!.message).toBe('The request body is larger than the 64 KB this endpoint accepts.');

    expect(await db.comment.count()).toBe(before);
  });

  it('counts a chunked body as it arrives and stops reading past the cap', async () => {
    const chunk = Buffer.alloc(16 * 1024, 'a');
    const chunked = await send('/api/comments', { headers: json, chunks: Array.from({ length: 64 }, () => chunk) });
    expect(chunked.status).toBe(413);
    expect(chunked.json).toEqual(errorShape('payload_too_large'));
    // Just under the cap is read in full and judged on its content.
    const under = await send('/api/comments', { headers: json, chunks: [Buffer.from('{"name":"'), Buffer.alloc(60 * 1024, 'b'), Buffer.from('"}')] });
    expect(under.status).toBe(422);
  });

  it('answers malformed form and multipart bodies 400', async () => {
    const noBoundary = await send('/api/comments', { headers: { 'content-type': 'multipart/form-data' }, body: 'whatever' });
    expect(noBoundary.status).toBe(400);
    expect(noBoundary.json).toEqual(errorShape('bad_request'));
    const form = await send('/api/comments', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '%%%=%%%&body=' });
    expect(form.status).toBe(422);
  });

  it('checks the sign-in body before next-auth reads it', async () => {
    expect((await send('/api/auth/callback/credentials', { headers: json, body: '{"email":' })).status).toBe(400);
    expect((await send('/api/auth/callback/credentials', { headers: { 'content-type': 'text/plain' }, body: 'email=a' })).status).toBe(415);
    const big = await send('/api/auth/callback/credentials', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      chunks: Array.from({ length: 8 }, () => Buffer.alloc(16 * 1024, 'c')),
    });
    expect(big.status).toBe(413);
    expect(big.json).toEqual(errorShape('payload_too_large'));
  });
});

describe('cookie-authenticated route handlers', () => {
  it('refuse cross-site requests with 403 before reading the session or the body', async () => {
    const upload = { 'content-type': 'multipart/form-data; boundary=x' };
    const attempts = [
      send('/api/media', { headers: { ...upload, origin: 'https://evil.example' }, body: '--x--' }),
      send('/api/media', { headers: { ...upload, 'sec-fetch-site': 'cross-site' }, body: '--x--' }),
      send('/api/media', { headers: { ...upload, 'sec-fetch-site': 'same-site', origin: 'https://admin.evil.example' }, body: '--x--' }),
      send('/api/media', { headers: { ...upload, origin: 'null' }, body: '--x--' }),
      send('/api/media/list', { method: 'GET', headers: { 'sec-fetch-site': 'cross-site' } }),
      send('/api/media/preview', { method: 'GET', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(res.json).toEqual(errorShape('forbidden'));
      expect(res.json.error!.message).toContain('another site');
    }
  });
});
