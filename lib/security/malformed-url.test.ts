import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerMalformedUrl, hasMalformedEscape, INVALID_PREVIEW_PATH, malformedActionsAre400 } from './malformed-url.mjs';

// In front of a stand-in for Next that echoes the path it was asked for.
let server: http.Server;
let base = '';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (answerMalformedUrl(req, res)) return;
    malformedActionsAre400(req, res);
    // As Next answers an action envelope it cannot decode.
    if (req.url === '/action') return void res.writeHead(500).end('0:{"error":"x"}');
    res.end(`next got ${req.url}`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('addresses with a broken %-escape', () => {
  it('tells broken escapes from good ones', () => {
    for (const p of ['/a/%', '/a/%E0%A4%A', '/a/%zz', '/a/%C0%AF', '/a/%ED%A0%80']) expect(hasMalformedEscape(p), p).toBe(true);
    for (const p of ['/a/%25', '/a/%2F', '/a/caf%C3%A9', '/a/plain']) expect(hasMalformedEscape(p), p).toBe(false);
  });

  it('sends a broken preview link to the invalid-link page, answers anything else 400, and lets good addresses through', async () => {
    expect(await (await fetch(`${base}/preview/abc%2`)).text()).toBe(`next got ${INVALID_PREVIEW_PATH}`);
    const page = await fetch(`${base}/articles/%E0%A4%A`);
    expect(page.status).toBe(400);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('broken %-escape');
    const api = await fetch(`${base}/api/v1/articles/%`);
    expect(api.status).toBe(400);
    expect(await api.json()).toEqual({ error: { code: 'bad_request', message: expect.stringContaining('broken %-escape'), details: null } });
    expect(await (await fetch(`${base}/articles/caf%C3%A9?q=%`)).text()).toBe('next got /articles/caf%C3%A9?q=%');
  });

  it('answers a server action request Next could not decode 400, not 500; other 500s stay', async () => {
    expect((await fetch(`${base}/action`, { method: 'POST', headers: { 'next-action': 'abc' }, body: '0=%00' })).status).toBe(400);
    expect((await fetch(`${base}/action`, { method: 'POST', body: 'x' })).status).toBe(500);
    expect((await fetch(`${base}/action`, { headers: { 'next-action': 'abc' } })).status).toBe(500);
  });
});
