// The browser side of the live event stream (lib/live/stream.mjs): one connection per page,
// shared by every island that follows a topic. Server-Sent Events first; if the stream cannot
// be opened (an old browser, a proxy that buffers), polling every POLL_MS instead.

export type LiveMessage = { topic: string; type: string; [key: string]: unknown };
type Handler = (message: LiveMessage) => void;

const STREAM = '/live/events';
const POLL_MS = 3000;
const handlers = new Map<string, Set<Handler>>();
let source: EventSource | null = null;
let connectedTopics = '';
let lastId = '';
let pending = false;
let polling: ReturnType<typeof setTimeout> | null = null;
let failures = 0;

/** To the islands following the message's topic; a message without one (the stream's `reset`) to every island. */
function dispatch(message: LiveMessage) {
  const topics = message.topic ? [message.topic] : [...handlers.keys()];
  for (const topic of topics) for (const handler of handlers.get(topic) ?? []) handler({ ...message, topic });
}

const query = (extra: string) => `${STREAM}?topics=${encodeURIComponent(connectedTopics)}${lastId ? `&since=${lastId}` : ''}${extra}`;

function poll() {
  polling = null;
  fetch(query('&poll=1'), { cache: 'no-store' })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
    .then((body: { events: { id: number; topic: string; type: string; data: object }[]; lastId: number; reset: boolean; snapshots: Record<string, object> }) => {
      const first = !lastId;
      if (body.reset) for (const topic of handlers.keys()) dispatch({ topic, type: 'reset' });
      if (first || body.reset) for (const [topic, value] of Object.entries(body.snapshots)) dispatch({ topic, type: 'snapshot', ...value });
      for (const e of body.events) dispatch({ ...e.data, topic: e.topic, type: e.type });
      lastId = String(body.lastId);
    })
    .catch(() => {})
    .finally(() => {
      if (handlers.size && !source) polling = setTimeout(poll, POLL_MS);
    });
}

function connect() {
  pending = false;
  const topics = [...handlers.keys()].sort().join(',');
  if (topics === connectedTopics && (source || polling)) return;
  source?.close();
  source = null;
  connectedTopics = topics;
  if (!topics) return;
  if (typeof EventSource === 'undefined' || failures >= 3) {
    if (!polling) poll();
    return;
  }
  const es = new EventSource(query(''));
  source = es;
  es.onopen = () => (failures = 0);
  es.onmessage = (e: MessageEvent<string>) => {
    if (e.lastEventId) lastId = e.lastEventId;
    try {
      dispatch(JSON.parse(e.data) as LiveMessage);
    } catch {
      // not a message of ours
    }
  };
  es.onerror = () => {
    // The browser retries by itself (sending Last-Event-ID); a refused stream is closed for good.
    if (es.readyState !== EventSource.CLOSED && ++failures < 3) return;
    es.close();
    if (source === es) source = null;
    failures = 3;
    if (!polling) poll();
  };
}

/** Where to catch up from on the first connection: the time the page was rendered (events after it are replayed). */
export function catchUpFrom(id: number) {
  if (!lastId && Number.isSafeInteger(id) && id > 0) lastId = String(id);
}

/** Follows `topic` (`site`, `article:<id>`) on this page; returns the function that stops following it. */
export function followLive(topic: string, handler: Handler): () => void {
  const set = handlers.get(topic) ?? new Set();
  set.add(handler);
  handlers.set(topic, set);
  // Islands that mount together share the first connection.
  if (!pending) {
    pending = true;
    setTimeout(connect, 0);
  }
  return () => {
    set.delete(handler);
    if (!set.size) handlers.delete(topic);
  };
}
