import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { admit, carriesCredentials, followEventLoop, lagTarget, lane, laneOf, lanes, overClientLimit, perClientRule } from './admission.mjs';

class FakeResponse extends EventEmitter {
  status = 0;
  headers: Record<string, string | number> = {};
  body: string | undefined;
  destroyed = false;
  writeHead(status: number, headers: Record<string, string | number>) {
    this.status = status;
    this.headers = headers;
    return this;
  }
  end(body?: string) {
    this.body = body;
    this.close();
  }
  close() {
    this.destroyed = true;
    this.emit('close');
  }
}

const request = (method: string, url: string) => Object.assign(new EventEmitter(), { method, url, destroyed: false }) as unknown as IncomingMessage;

/** Sends `n` sign-in attempts through the auth lane; returns their responses and which were handed to Next. */
function flood(n: number) {
  const handled: FakeResponse[] = [];
  const responses = Array.from({ length: n }, () => {
    const res = new FakeResponse();
    admit(request('POST', '/api/auth/sign-in'), res as unknown as ServerResponse, () => handled.push(res));
    return res;
  });
  return { responses, handled };
}

describe('admission lanes', () => {
  it('sends sign-in steps, other writes and reads through their own lanes', () => {
    expect(laneOf({ method: 'POST', url: '/api/auth/sign-in' }).name).toBe('auth');
    expect(laneOf({ method: 'POST', url: '/api/comments' }).name).toBe('write');
    expect(laneOf({ method: 'POST', url: '/articles/a-story' }).name).toBe('write');
    expect(laneOf({ method: 'GET', url: '/api/auth/session' }).name).toBe('render');
    expect(laneOf({ method: 'GET', url: '/search?q=x' }).name).toBe('render');
  });

  it('admits up to the limit, queues up to the queue, and answers the rest 503 at once', () => {
    const { limit, queue } = lanes.auth;
    const { responses, handled } = flood(limit + queue + 3);
    expect(handled).toHaveLength(limit);
    const refused = responses.filter((r) => r.status === 503);
    expect(refused).toHaveLength(3);
    expect(refused[0]!.headers['Retry-After']).toBe('2');
    expect(JSON.parse(refused[0]!.body!)).toEqual({ error: { code: 'busy', message: 'The server is busy. Try again in a moment.' } });

    // Each finished request lets the next queued one in, in order.
    handled[0]!.end('ok');
    expect(handled).toHaveLength(limit + 1);
    expect(handled[limit]).toBe(responses[limit]);

    // A queued client that leaves gives its place up; the slot goes to the one after it.
    responses[limit + 1]!.close();
    handled[1]!.end('ok');
    expect(handled.at(-1)).toBe(responses[limit + 2]);
    for (const r of handled) if (!r.destroyed) r.end('ok');
    while (lanes.auth.waiting.length) handled.at(-1)!.end('ok');
    expect(lanes.auth.active).toBe(0);
  });

  it('reads limit/queue pairs and refuses nonsense', () => {
    expect(lane('auth', '4/10', [1, 1])).toMatchObject({ limit: 4, queue: 10 });
    expect(lane('auth', undefined, [2, 16])).toMatchObject({ limit: 2, queue: 16 });
    expect(() => lane('auth', '0/10', [1, 1])).toThrow(/ADMISSION_AUTH/);
    expect(() => lane('auth', 'lots', [1, 1])).toThrow(/limit\/queue/);
  });

  it('refuses a client beyond its sign-in rate with a wait in seconds, and lets it in again after the window', () => {
    const rule = perClientRule('3/60', [30, 60])!;
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => overClientLimit('203.0.113.7', rule, t0))).toEqual([0, 0, 0]);
    expect(overClientLimit('203.0.113.7', rule, t0 + 10_000)).toBe(50);
    // Another address has its own window.
    expect(overClientLimit('198.51.100.2', rule, t0 + 10_000)).toBe(0);
    expect(overClientLimit('203.0.113.7', rule, t0 + 60_001)).toBe(0);
    expect(perClientRule('off', [30, 60])).toBeNull();
    expect(() => perClientRule('many', [30, 60])).toThrow(/ADMISSION_AUTH_PER_CLIENT/);
  });

  it('refuses one address flooding any route with a 429 before Next, in windows of its own for credentialed requests', () => {
    const from = (address: string, url: string, headers: Record<string, string> = {}) =>
      Object.assign(new EventEmitter(), { method: 'GET', url, headers, socket: { remoteAddress: address }, destroyed: false }) as unknown as IncomingMessage;
    const send = (req: IncomingMessage) => {
      const res = new FakeResponse();
      let handled = false;
      admit(req, res as unknown as ServerResponse, () => {
        handled = true;
        res.end('ok');
      });
      return { res, handled };
    };
    const flooder = '203.0.113.99';
    const answers = Array.from({ length: 1200 }, () => send(from(flooder, '/api/comments?articleId=1')));
    expect(answers.every((a) => a.handled)).toBe(true);
    const refused = send(from(flooder, '/sections/world'));
    expect(refused.handled).toBe(false);
    expect(refused.res.status).toBe(429);
    expect(Number(refused.res.headers['Retry-After'])).toBeGreaterThan(0);
    expect(refused.res.body).toContain('Too many requests from your network. Try again in');
    // Build assets are not counted; a signed-in colleague behind the same address has its own window;
    // another address is not affected.
    expect(send(from(flooder, '/_next/static/chunks/app.js')).handled).toBe(true);
    expect(send(from(flooder, '/admin', { cookie: 'theme=dark; next-auth.session-token=abc' })).handled).toBe(true);
    expect(send(from('198.51.100.20', '/sections/world')).handled).toBe(true);
  });

  it('tells requests with credentials from anonymous ones', () => {
    const req = (url: string, headers: Record<string, string> = {}) => ({ url, headers });
    expect(carriesCredentials(req('/admin', { cookie: '__Secure-next-auth.session-token=x' }))).toBe(true);
    expect(carriesCredentials(req('/api/v1/articles', { authorization: 'Bearer k' }))).toBe(true);
    expect(carriesCredentials(req('/api/v1/articles?limit=5&key=abc'))).toBe(true);
    expect(carriesCredentials(req('/search?q=monkey=1', { cookie: 'xnext-auth.session-token=1' }))).toBe(false);
    expect(carriesCredentials(req('/'))).toBe(false);
  });

  it('narrows the render lane while the event loop runs late, lets credentialed requests wait ahead, and widens it again', () => {
    const render = lanes.render;
    const get = (address: string, headers: Record<string, string> = {}) =>
      Object.assign(new EventEmitter(), { method: 'GET', url: '/sections/world?page=2', headers, socket: { remoteAddress: address }, destroyed: false }) as unknown as IncomingMessage;
    const handled: FakeResponse[] = [];
    const send = (req: IncomingMessage) => {
      const res = new FakeResponse();
      admit(req, res as unknown as ServerResponse, () => handled.push(res));
      return res;
    };
    // The loop runs 400 ms late for a few ticks: the limit halves each tick, down to 1.
    for (let i = 0; i < 6; i++) followEventLoop(400, 100);
    expect(render.limit).toBe(1);
    // A flood from many addresses: one at a time reaches Next, the rest wait.
    const readers = Array.from({ length: 5 }, (_, i) => send(get(`198.51.100.${100 + i}`)));
    expect(handled).toEqual([readers[0]]);
    // A signed-in editor arriving later waits ahead of the anonymous requests.
    const editor = send(get('203.0.113.50', { cookie: 'next-auth.session-token=abc' }));
    readers[0]!.end('ok');
    expect(handled.at(-1)).toBe(editor);
    // A tick on time does not widen past what the loop allows at once…
    followEventLoop(400, 100);
    editor.end('ok');
    expect(handled.at(-1)).toBe(readers[1]);
    // …and ticks on time widen it by one each, starting what now fits, back up to the configured limit.
    followEventLoop(10, 100);
    expect(render.limit).toBe(2);
    expect(handled.at(-1)).toBe(readers[2]);
    // Between half the target and the target, the limit holds.
    followEventLoop(70, 100);
    expect(render.limit).toBe(2);
    for (let i = 0; i < 40; i++) followEventLoop(0, 100);
    expect(render.limit).toBe(render.cap);
    expect(handled).toHaveLength(6);
    for (const r of handled) if (!r.destroyed) r.end('ok');
    expect(render.active).toBe(0);
    expect(render.waiting).toHaveLength(0);
    // Off, it does nothing.
    followEventLoop(10_000, null);
    expect(render.limit).toBe(render.cap);
  });

  it('reads the lag target and refuses nonsense', () => {
    expect(lagTarget(undefined)).toBe(100);
    expect(lagTarget('250')).toBe(250);
    expect(lagTarget('off')).toBeNull();
    expect(() => lagTarget('2')).toThrow(/ADMISSION_LAG_MS/);
    expect(() => lagTarget('soon')).toThrow(/ADMISSION_LAG_MS/);
  });
});
