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
//           ADMISSION_AUTH=2/16 (2 at a time, 16 waiting)
//   write   other methods than GET/HEAD (comments, server actions, API writes); ADMISSION_WRITE=8/64
//   render  everything else Next renders (uncached pages, the API's reads); ADMISSION_RENDER=16/512

/** @typedef {{ name: string, limit: number, queue: number, active: number, waiting: Array<() => void>, refused: number }} Lane */

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
  return { name, limit, queue, active: 0, waiting: [], refused: 0 };
}

export const lanes = {
  auth: lane('auth', process.env.ADMISSION_AUTH, [2, 16]),
  write: lane('write', process.env.ADMISSION_WRITE, [8, 64]),
  render: lane('render', process.env.ADMISSION_RENDER, [16, 512]),
};

/** The lane a request goes through. @param {{ method?: string, url?: string }} req @returns {Lane} */
export function laneOf(req) {
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return lanes.render;
  if ((req.url ?? '').startsWith('/api/auth/')) return lanes.auth;
  return lanes.write;
}

/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {Lane} l */
function refuse(req, res, l) {
  l.refused++;
  const api = (req.url ?? '').startsWith('/api/');
  const message = 'The server is busy. Try again in a moment.';
  const body = api
    ? JSON.stringify({ error: { code: 'busy', message } })
    : `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Busy — Broadsheet</title></head><body><main><h1>${message}</h1></main></body></html>`;
  res.writeHead(503, {
    'Content-Type': api ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Retry-After': '2',
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Runs `handle` now, later (queued), or never (503), by the request's lane. The slot is given
 * back when the response closes, whatever happened to it.
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {() => void} handle
 */
export function admit(req, res, handle) {
  if (OFF) return handle();
  const l = laneOf(req);
  const start = () => {
    l.active++;
    res.once('close', () => {
      l.active--;
      const next = l.waiting.shift();
      if (next) next();
    });
    handle();
  };
  if (l.active < l.limit) return start();
  if (l.waiting.length >= l.queue) return refuse(req, res, l);
  let done = false;
  const timer = setTimeout(() => {
    if (done) return;
    done = true;
    l.waiting.splice(l.waiting.indexOf(go), 1);
    refuse(req, res, l);
  }, WAIT_MS);
  timer.unref();
  const go = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    // The client may have gone while it waited: its slot goes straight to the next one.
    if (res.destroyed || req.destroyed) {
      const next = l.waiting.shift();
      if (next) next();
      return;
    }
    start();
  };
  l.waiting.push(go);
  // A client that leaves while queued frees its place at once.
  res.once('close', () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    const i = l.waiting.indexOf(go);
    if (i >= 0) l.waiting.splice(i, 1);
  });
}
