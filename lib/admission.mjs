// @ts-check
// Admission control in front of Next.js (scripts/server.mjs).
//
// Every request that reaches Next costs the one event loop milliseconds, and the readers' fast
// path (cached pages) shares that loop. A flood of one kind of request (sign-in attempts, say)
// would otherwise be admitted without limit and hold readers behind it. So requests go to Next
// through lanes, each with a concurrency limit and a bounded queue; a request beyond the queue,
// or one that waited too long, gets an immediate 503 with Retry-After, which costs microseconds.
//
// Lanes (limits from the environment, `ADMISSION=off` turns it off):
//   auth    POST /api/auth/…: sign-in steps (password hashing already runs bounded, lib/auth);
//           ADMISSION_AUTH=2/16 (2 at a time, 16 waiting), and per client address at most
//           ADMISSION_AUTH_PER_CLIENT=30/60 (30 a minute; the address as TRUST_PROXY says) before
//           a 429, so one address hammering sign-in never reaches Next.js at all
//   write   other methods than GET/HEAD (comments, server actions, API writes); ADMISSION_WRITE=8/64
//   render  everything else Next renders (uncached pages, the API's reads); ADMISSION_RENDER=16/512
//
// Before any lane, every request for Next counts against its client address (as TRUST_PROXY says),
// so one address flooding any route is refused with a 429 before Next does any work:
//   ADMISSION_PER_CLIENT=1200/60              requests without credentials (1200 a minute: link prefetches count)
//   ADMISSION_PER_CLIENT_CREDENTIALED=12000/60 requests carrying a session cookie or an API key, in a
//                                            window of their own: a newsroom's staff behind one NAT,
//                                            or a partner's server, need more than one reader does
//                                            (API keys have their own per-key limits besides)
// Next's build assets (/_next/static/, immutable and cheap) are not counted. `off` turns a rule off.
//
// The render and write lanes' limits also follow the event loop (ADMISSION_LAG_MS=100, `off` to
// turn it off): while the loop runs late by more than that, their limit halves (down to 1); while it
// runs on time (under half of it), it grows back by one a tick up to the configured limit. A flood
// from many addresses at once, which no per-address rule sees, then waits in the queue (and gets its
// quick 503) instead of holding the loop that answers readers' cached pages. Requests carrying
// credentials (staff, API keys) wait ahead of anonymous ones.

/** @typedef {{ name: string, cap: number, limit: number, queue: number, active: number, waiting: Array<() => void>, priority: number, refused: number }} Lane */

import { clientAddressFrom, parseTrustProxy } from './client-address.mjs';
import { waitInWords } from './wait-in-words.mjs';

const WAIT_MS = Number(process.env.ADMISSION_WAIT_MS || 5000);
const OFF = process.env.ADMISSION === 'off';

/**
 * Reads a `limit/queue` pair such as `2/16`; throws on anything else.
 * @param {string} name @param {string | undefined} spec @param {[number, number]} fallback
 * @returns {Lane}
 */
export function lane(name, spec, fallback) {
  let [limit, queue] = fallback;
  if (spec) {
    const m = /^(\d{1,5})\/(\d{1,6})$/.exec(spec.trim());
    if (!m || Number(m[1]) < 1) throw new Error(`ADMISSION_${name.toUpperCase()}: cannot read "${spec}" (expected limit/queue, e.g. 2/16)`);
    [limit, queue] = [Number(m[1]), Number(m[2])];
  }
  return { name, cap: limit, limit, queue, active: 0, waiting: [], priority: 0, refused: 0 };
}

/**
 * Reads `points/seconds` such as `30/60`, or `off` (null). @param {string | undefined} spec
 * @param {[number, number]} fallback @param {string} [variable] named in the error
 * @returns {{ points: number, ms: number } | null}
 */
export function perClientRule(spec, fallback, variable = 'ADMISSION_AUTH_PER_CLIENT') {
  if (spec?.trim().toLowerCase() === 'off') return null;
  let [points, seconds] = fallback;
  if (spec) {
    const m = /^(\d{1,7})\/(\d{1,6})$/.exec(spec.trim());
    if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) throw new Error(`${variable}: cannot read "${spec}" (expected points/seconds, e.g. ${fallback.join('/')}, or off)`);
    [points, seconds] = [Number(m[1]), Number(m[2])];
  }
  return { points, ms: seconds * 1000 };
}

/**
 * Reads the event-loop lag target in milliseconds (`off`: null). @param {string | undefined} spec
 * @returns {number | null}
 */
export function lagTarget(spec, fallback = 100) {
  if (!spec) return fallback;
  if (spec.trim().toLowerCase() === 'off') return null;
  const m = /^(\d{1,5})$/.exec(spec.trim());
  if (!m || Number(m[1]) < 5) throw new Error(`ADMISSION_LAG_MS: cannot read "${spec}" (expected milliseconds, at least 5, e.g. 100, or off)`);
  return Number(m[1]);
}
const LAG_TARGET_MS = lagTarget(process.env.ADMISSION_LAG_MS);

const AUTH_PER_CLIENT = perClientRule(process.env.ADMISSION_AUTH_PER_CLIENT, [30, 60]);
const PER_CLIENT = perClientRule(process.env.ADMISSION_PER_CLIENT, [1200, 60], 'ADMISSION_PER_CLIENT');
const PER_CLIENT_CREDENTIALED = perClientRule(process.env.ADMISSION_PER_CLIENT_CREDENTIALED, [12000, 60], 'ADMISSION_PER_CLIENT_CREDENTIALED');
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=/;

/**
 * Whether a request carries credentials (a session cookie, an API key in the Authorization header
 * or `?key=`). Not checked here: a forged one only moves the request to the larger window, which
 * is still bounded per address. @param {{ headers: import('node:http').IncomingHttpHeaders, url?: string }} req
 */
export function carriesCredentials(req) {
  const headers = req.headers ?? {};
  if (headers.cookie && SESSION_COOKIE.test(headers.cookie)) return true;
  if (headers.authorization) return true;
  const q = (req.url ?? '').indexOf('?');
  return q >= 0 && /(?:^|&)key=/.test((req.url ?? '').slice(q + 1));
}
/** Reverse proxies whose X-Forwarded-For entries are believed (lib/env has already refused a bad value). */
const TRUST = parseTrustProxy(process.env.TRUST_PROXY);

/** The client's address, as TRUST_PROXY says (lib/client-address.mjs). @param {import('node:http').IncomingMessage} req */
export function clientAddress(req) {
  const peer = req.socket?.remoteAddress ?? '';
  if (TRUST === 'off') return peer;
  const xff = req.headers['x-forwarded-for'];
  return clientAddressFrom(peer, Array.isArray(xff) ? xff.join(',') : (xff ?? null), TRUST) ?? '';
}

/** Fixed windows per client address; cleared wholesale if it grows past 100,000 addresses. */
const windows = new Map();
/** Counts one request from `client`; returns the seconds to wait when over the rule, else 0. @param {string} client @param {{ points: number, ms: number }} rule @param {number} now */
export function overClientLimit(client, rule, now = Date.now()) {
  let w = windows.get(client);
  if (!w || w.resetAt <= now) {
    if (windows.size > 100_000) windows.clear();
    w = { count: 0, resetAt: now + rule.ms };
    windows.set(client, w);
  }
  w.count++;
  return w.count > rule.points ? Math.max(1, Math.ceil((w.resetAt - now) / 1000)) : 0;
}

export const lanes = {
  auth: lane('auth', process.env.ADMISSION_AUTH, [2, 16]),
  write: lane('write', process.env.ADMISSION_WRITE, [8, 64]),
  render: lane('render', process.env.ADMISSION_RENDER, [16, 512]),
};

/** Takes the next waiting request off a lane's queue (credentialed ones first) and runs it. @param {Lane} l */
function startNext(l) {
  const next = l.waiting.shift();
  if (!next) return;
  if (l.priority > 0) l.priority--;
  next();
}

/**
 * One tick of the lag rule: halve the render and write lanes' limits while the event loop runs
 * later than the target, grow them back by one while it runs on time, and start what now fits.
 * @param {number} lagMs how late the loop ran in the last tick @param {number | null} target
 */
export function followEventLoop(lagMs, target = LAG_TARGET_MS) {
  if (target === null) return;
  for (const l of [lanes.render, lanes.write]) {
    if (lagMs > target) l.limit = Math.max(1, Math.floor(l.limit / 2));
    else if (lagMs < target / 2 && l.limit < l.cap) l.limit++;
    while (l.active < l.limit && l.waiting.length) startNext(l);
  }
}

/**
 * Measures how late a 100 ms timer fires and applies the lag rule each tick (scripts/server.mjs
 * starts it; off when ADMISSION or ADMISSION_LAG_MS is off). Returns a stop function.
 */
export function followEventLoopLag(intervalMs = 100) {
  if (OFF || LAG_TARGET_MS === null) return () => {};
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    followEventLoop(Math.max(0, now - last - intervalMs));
    last = now;
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The lane a request goes through. @param {{ method?: string, url?: string }} req @returns {Lane} */
export function laneOf(req) {
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return lanes.render;
  if ((req.url ?? '').startsWith('/api/auth/')) return lanes.auth;
  return lanes.write;
}

/**
 * A refusal before Next.js: JSON in the API's error shape for /api/ and sign-in, a small page otherwise.
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 * @param {503 | 429} status @param {string} code @param {string} message @param {number} retryAfter seconds
 */
function refuse(req, res, status, code, message, retryAfter) {
  const api = (req.url ?? '').startsWith('/api/');
  const body = api
    ? JSON.stringify({ error: { code, message } })
    : `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${status === 429 ? 'Too many requests' : 'Busy'} — Broadsheet</title></head><body><main><h1>${message}</h1></main></body></html>`;
  res.writeHead(status, {
    'Content-Type': api ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Retry-After': String(retryAfter),
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {Lane} l */
function busy(req, res, l) {
  l.refused++;
  refuse(req, res, 503, 'busy', 'The server is busy. Try again in a moment.', 2);
}

/**
 * Runs `handle` now, later (queued), or never (503), by the request's lane. The slot is given
 * back when the response closes, whatever happened to it.
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {() => void} handle
 */
export function admit(req, res, handle) {
  if (OFF) return handle();
  const l = laneOf(req);
  const credentialed = carriesCredentials(req);
  if (!(req.url ?? '').startsWith('/_next/static/')) {
    const rule = credentialed ? PER_CLIENT_CREDENTIALED : PER_CLIENT;
    const wait = rule ? overClientLimit(`${credentialed ? 'c' : 'a'}:${clientAddress(req)}`, rule) : 0;
    if (wait) return refuse(req, res, 429, 'rate_limited', `Too many requests from your network. Try again in ${waitInWords(wait)}.`, wait);
  }
  if (l === lanes.auth && AUTH_PER_CLIENT) {
    const wait = overClientLimit(`s:${clientAddress(req)}`, AUTH_PER_CLIENT);
    if (wait) return refuse(req, res, 429, 'rate_limited', `Too many sign-in attempts from your network. Try again in ${waitInWords(wait)}.`, wait);
  }
  const start = () => {
    l.active++;
    res.once('close', () => {
      l.active--;
      if (l.active < l.limit) startNext(l);
    });
    handle();
  };
  if (l.active < l.limit) return start();
  if (l.waiting.length >= l.queue) return busy(req, res, l);
  let done = false;
  /** @param {() => void} fn */
  const dequeue = (fn) => {
    const i = l.waiting.indexOf(fn);
    if (i < 0) return;
    l.waiting.splice(i, 1);
    if (i < l.priority) l.priority--;
  };
  const timer = setTimeout(() => {
    if (done) return;
    done = true;
    dequeue(go);
    busy(req, res, l);
  }, WAIT_MS);
  timer.unref();
  const go = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    // The client may have gone while it waited: its slot goes straight to the next one.
    if (res.destroyed || req.destroyed) {
      if (l.active < l.limit) startNext(l);
      return;
    }
    start();
  };
  // Credentialed requests queue behind the other credentialed ones, ahead of anonymous ones.
  if (credentialed) l.waiting.splice(l.priority++, 0, go);
  else l.waiting.push(go);
  // A client that leaves while queued frees its place at once.
  res.once('close', () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    dequeue(go);
  });
}
