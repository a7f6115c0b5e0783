// @ts-check
// The live event hub of the process: one stream of small events (a breaking-news alert, a live
// update, a correction) that open public pages follow over Server-Sent Events (./stream.mjs).
// Plain JavaScript because the production server (scripts/server.mjs) serves the stream before
// Next.js; the bundled domain code publishes through the same object on globalThis.
//
// - Fan-out: an event is delivered to this process's readers at once and, with REDIS_URL, published
//   on one Redis channel; every other instance delivers it to its own readers (its own events,
//   marked with this process's origin id, are not delivered twice).
// - Catch-up: ids are time-ordered numbers (milliseconds × 1000 + a counter), the same on every
//   instance, and the last BUFFER_SIZE events are kept, so a reader who reconnects (Last-Event-ID)
//   or polls gets what it missed; one who missed more is told to reset.
// - Snapshots: the domain code registers how to read a topic's current state (the live alert),
//   sent to each new reader; kept for SNAPSHOT_TTL_MS and dropped as soon as the topic changes.
import crypto from 'node:crypto';
import { isRedisReady, redis, redisConfigured, redisSubscriber } from '../redis.mjs';

const PREFIX = process.env.PAGE_CACHE_REDIS_PREFIX || 'broadsheet:page-cache:';
/** Redis channel of live events (under the site's Redis prefix). */
export const LIVE_CHANNEL = `${PREFIX}live`;
export const BUFFER_SIZE = 2000;
const SNAPSHOT_TTL_MS = 5_000;

/**
 * @typedef {{ id: number, topic: string, type: string, data: unknown }} LiveEvent
 * @typedef {(event: LiveEvent) => void} Listener
 * @typedef {{ value: unknown, at: number }} Snapshot
 * @typedef {{
 *   origin: string, lastId: number, buffer: LiveEvent[], floor: number,
 *   listeners: Set<Listener>, loaders: Map<string, () => Promise<unknown>>, snapshots: Map<string, Snapshot>,
 *   subscribed: boolean, changed: Map<string, number>,
 * }} HubState
 */

const KEY = Symbol.for('broadsheet.live-hub');

/** @returns {HubState} */
export function hubState() {
  const g = /** @type {Record<symbol, HubState | undefined>} */ (/** @type {unknown} */ (globalThis));
  return (g[KEY] ??= {
    origin: crypto.randomBytes(8).toString('hex'),
    lastId: 0,
    buffer: [],
    floor: 0,
    listeners: new Set(),
    loaders: new Map(),
    snapshots: new Map(),
    subscribed: false,
    changed: new Map(),
  });
}

/** A new time-ordered id, above every id this process has seen. */
function nextId() {
  const s = hubState();
  s.lastId = Math.max(Date.now() * 1000, s.lastId + 1);
  return s.lastId;
}

/** Keeps `event` (in id order) and hands it to every listener. @param {LiveEvent} event */
function deliver(event) {
  const s = hubState();
  s.lastId = Math.max(s.lastId, event.id);
  s.snapshots.delete(event.topic);
  s.changed.set(event.topic, Date.now());
  let i = s.buffer.length;
  while (i > 0 && /** @type {LiveEvent} */ (s.buffer[i - 1]).id > event.id) i--;
  s.buffer.splice(i, 0, event);
  if (s.buffer.length > BUFFER_SIZE) s.floor = /** @type {LiveEvent} */ (s.buffer.shift()).id;
  for (const listener of s.listeners) {
    try {
      listener(event);
    } catch (e) {
      console.error('live: a listener failed', e);
    }
  }
}

/**
 * Sends an event to every open page following `topic`, on every instance. Never throws: without
 * Redis (or while it is away) this instance's readers still get it.
 * @param {string} topic @param {string} type @param {unknown} data
 * @returns {Promise<LiveEvent>}
 */
export async function publishLive(topic, type, data) {
  const event = { id: nextId(), topic, type, data };
  deliver(event);
  if (redisConfigured()) {
    startLiveSharing();
    const client = /** @type {import('ioredis').Redis} */ (redis());
    // A process's first event may come while its connection is still opening: wait a moment for it.
    if (!isRedisReady() && ['wait', 'connecting', 'connect'].includes(client.status)) await readyWithin(client, 1000);
    if (isRedisReady()) {
      try {
        await client.publish(LIVE_CHANNEL, JSON.stringify({ ...event, origin: hubState().origin }));
      } catch (e) {
        console.error('live: could not share an event through Redis:', e instanceof Error ? e.message : e);
      }
    }
  }
  return event;
}

/** Resolves when `client` is ready, or after `ms`. @param {import('ioredis').Redis} client @param {number} ms */
function readyWithin(client, ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      client.off('ready', done);
      resolve(undefined);
    }
    client.once('ready', done);
  });
}

/** Subscribes this process to other instances' events (once; ioredis renews it after reconnects). */
export function startLiveSharing() {
  const s = hubState();
  if (s.subscribed || !redisConfigured()) return;
  s.subscribed = true;
  const subscriber = /** @type {import('ioredis').Redis} */ (redisSubscriber());
  subscriber.on('message', (channel, message) => {
    if (channel !== LIVE_CHANNEL) return;
    try {
      const { origin, id, topic, type, data } = JSON.parse(message);
      if (origin === s.origin || typeof id !== 'number' || typeof topic !== 'string' || typeof type !== 'string') return;
      deliver({ id, topic, type, data });
    } catch {
      // a malformed message is not ours to act on
    }
  });
  subscriber.subscribe(LIVE_CHANNEL).catch((e) => console.error('live: could not subscribe:', e instanceof Error ? e.message : e));
}

/** Calls `listener` with every event delivered from now on; returns the function that stops it. @param {Listener} listener */
export function onLiveEvent(listener) {
  const s = hubState();
  s.listeners.add(listener);
  return () => s.listeners.delete(listener);
}

/**
 * Events after `lastId` on `topics`, or null when some were already dropped from the buffer
 * (the reader must reload its state). @param {number} lastId @param {Set<string>} topics
 */
export function eventsSince(lastId, topics) {
  const s = hubState();
  if (lastId < s.floor) return null;
  return s.buffer.filter((e) => e.id > lastId && topics.has(e.topic));
}

/** The newest event id this process knows (a reader starting now catches up from here). */
export function currentLiveId() {
  return hubState().lastId;
}

/** Registers how to read the current state of `topic` (sent to each new reader). @param {string} topic @param {() => Promise<unknown>} load */
export function setLiveSnapshotLoader(topic, load) {
  hubState().loaders.set(topic, load);
}

/** The current state of `topic`, or undefined when nothing registered a loader for it. @param {string} topic */
export async function liveSnapshot(topic) {
  const s = hubState();
  const load = s.loaders.get(topic);
  if (!load) return undefined;
  const kept = s.snapshots.get(topic);
  if (kept && Date.now() - kept.at < SNAPSHOT_TTL_MS) return kept.value;
  const at = Date.now();
  const value = await load();
  // A change that arrived while loading may not be in `value`: keep it only if none did.
  if ((s.changed.get(topic) ?? 0) < at) s.snapshots.set(topic, { value, at });
  return value;
}
