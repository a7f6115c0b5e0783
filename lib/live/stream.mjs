// @ts-check
// GET /live/events: the live event stream of public pages, served by the production server
// (scripts/server.mjs) before Next.js. Readers name what they follow with `topics` (`site` for
// breaking-news alerts, `article:<id>` for a story's live updates and notes).
//
//   Server-Sent Events (the default): messages { topic, type, ...data }: a `snapshot` of each topic that has one, then every event as
//     it happens, with its id; a reconnecting browser sends Last-Event-ID and gets what it missed
//     (`since=<id>` does the same on the first connection). `reset` means too much was missed:
//     reload the state. A comment line every HEARTBEAT_MS keeps proxies from closing the stream.
//   ?poll=1: the same as JSON, for browsers or networks where a stream does not get through:
//     { events, lastId, reset, snapshots }.
// Memory per reader is bounded: a reader that does not keep up (more than MAX_BUFFERED_BYTES
// waiting to be sent) is disconnected, and catches up from its last id when it reconnects.
import { currentLiveId, eventsSince, liveSnapshot, onLiveEvent, startLiveSharing } from './hub.mjs';

export const STREAM_PATH = '/live/events';
const TOPIC = /^(site|article:[A-Za-z0-9_-]{1,40})$/;
const MAX_TOPICS = 4;
const HEARTBEAT_MS = Number(process.env.LIVE_HEARTBEAT_MS || 20_000);
const MAX_BUFFERED_BYTES = 64 * 1024;
const MAX_READERS = Number(process.env.LIVE_MAX_READERS || 20_000);
const RETRY_MS = 2000;

/** @type {Set<import('node:http').ServerResponse>} */
const readers = new Set();
/** @type {NodeJS.Timeout | null} */
let heartbeat = null;

/** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body */
function json(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** @param {URL} url @param {import('node:http').IncomingMessage} req */
function parse(url, req) {
  const topics = (url.searchParams.get('topics') ?? '').split(',').filter(Boolean);
  if (!topics.length || topics.length > MAX_TOPICS || !topics.every((t) => TOPIC.test(t))) return { error: `Name 1 to ${MAX_TOPICS} topics: site or article:<id>, separated by commas.` };
  const raw = req.headers['last-event-id'] ?? url.searchParams.get('since') ?? '';
  const since = raw === '' ? null : Number(raw);
  if (since !== null && (!Number.isSafeInteger(since) || since < 0)) return { error: 'since (or Last-Event-ID) must be an event id.' };
  return { topics: new Set(topics), since };
}

/** @param {Set<string>} topics */
async function snapshots(topics) {
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const topic of topics) {
    const value = await liveSnapshot(topic).catch(() => undefined);
    if (value !== undefined) out[topic] = value;
  }
  return out;
}

/**
 * One message; its `type` travels in the data so that a browser needs a single handler.
 * @param {{ id?: number, topic?: string, type: string, data: unknown }} e
 */
const frame = (e) => `${e.id !== undefined ? `id: ${e.id}\n` : ''}data: ${JSON.stringify({ topic: e.topic, type: e.type, .../** @type {object} */ (e.data) })}\n\n`;

/** @param {import('node:http').ServerResponse} res @param {string} chunk */
function send(res, chunk) {
  if (res.writableEnded) return;
  res.write(chunk);
  // A reader that stopped reading: let it go rather than hold its backlog (it catches up on reconnect).
  if (res.writableLength > MAX_BUFFERED_BYTES) res.destroy();
}

/**
 * Answers `req` when it is for the live stream; returns false for any other request.
 * While `draining` (shutting down), readers are sent elsewhere with a 503.
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {boolean} [draining]
 */
export function serveLiveStream(req, res, draining = false) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname !== STREAM_PATH) return false;
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET');
    json(res, 405, { error: { code: 'method_not_allowed', message: 'Use GET.' } });
    return true;
  }
  const parsed = parse(url, req);
  if ('error' in parsed) {
    json(res, 400, { error: { code: 'bad_request', message: parsed.error } });
    return true;
  }
  const { topics, since } = parsed;
  startLiveSharing();
  if (url.searchParams.get('poll') === '1') {
    const missed = since === null ? [] : eventsSince(since, topics);
    snapshots(topics).then(
      (snaps) => json(res, 200, { events: missed ?? [], lastId: currentLiveId(), reset: missed === null, snapshots: snaps }),
      () => json(res, 503, { error: { code: 'unavailable', message: 'Try again shortly.' } }),
    );
    return true;
  }
  if (draining || readers.size >= MAX_READERS) {
    res.setHeader('Retry-After', '5');
    json(res, 503, { error: { code: 'unavailable', message: draining ? 'This server is restarting; try again.' : 'Too many readers on this server; try again shortly.' } });
    return true;
  }
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no', Connection: 'keep-alive' });
  res.socket?.setNoDelay(true);
  res.socket?.setTimeout(0);
  readers.add(res);
  ensureHeartbeat();
  // Events that arrive while the catch-up is being written wait their turn, so none is lost or reordered.
  /** @type {string[] | null} */
  let queued = [];
  let lastSent = since ?? currentLiveId();
  const stop = onLiveEvent((event) => {
    if (!topics.has(event.topic) || event.id <= lastSent) return;
    const chunk = frame(event);
    if (queued) queued.push(chunk);
    else {
      lastSent = event.id;
      send(res, chunk);
    }
  });
  res.on('close', () => {
    stop();
    readers.delete(res);
  });
  res.write(`retry: ${RETRY_MS}\n\n`);
  const missed = since === null ? [] : eventsSince(since, topics);
  snapshots(topics)
    .then((snaps) => {
      if (missed === null) send(res, frame({ type: 'reset', data: {} }));
      for (const [topic, value] of Object.entries(snaps)) send(res, frame({ topic, type: 'snapshot', data: value }));
      for (const e of missed ?? []) {
        lastSent = Math.max(lastSent, e.id);
        send(res, frame(e));
      }
    })
    .catch(() => {})
    .finally(() => {
      const waiting = queued ?? [];
      queued = null;
      for (const chunk of waiting) send(res, chunk);
    });
  return true;
}

function ensureHeartbeat() {
  if (heartbeat) return;
  heartbeat = setInterval(() => {
    if (!readers.size) {
      clearInterval(/** @type {NodeJS.Timeout} */ (heartbeat));
      heartbeat = null;
      return;
    }
    for (const res of readers) send(res, ': keep-alive\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();
}

/** How many readers this process is streaming to. */
export function liveReaderCount() {
  return readers.size;
}

/** Ends every stream (shutdown): browsers reconnect, to another instance, and catch up from their last id. */
export function closeLiveStreams() {
  for (const res of readers) res.end();
  readers.clear();
}
