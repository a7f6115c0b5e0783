// @ts-check
// The /collab WebSocket of the production server (scripts/server.mjs): handed to the co-editing
// server (lib/collab/server.ts), which Next starts with the process (instrumentation.ts) and which
// leaves its handler on globalThis. Browsers of another site are refused (their Origin must be this
// host); until the co-editing server runs the answer is 503 and the editor works as without it.

const HANDLER = Symbol.for('broadsheet.collab');
export const COLLAB_PATH = '/collab';

/** @param {import('node:stream').Duplex} socket @param {number} status @param {string} text */
function refuse(socket, status, text) {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
}

/** @param {import('node:http').IncomingMessage} req */
function sameOrigin(req) {
  const origin = req.headers.origin;
  // Non-browser clients (the bench) send no Origin; browsers always do, and cookies ride with them.
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Takes the upgrade when it is for /collab (true), else leaves it to Next (false).
 * @param {import('node:http').IncomingMessage} req @param {import('node:stream').Duplex} socket @param {Buffer} head @param {boolean} draining
 */
export function serveCollabUpgrade(req, socket, head, draining) {
  const path = (req.url ?? '/').split('?')[0];
  if (path !== COLLAB_PATH) return false;
  if (!sameOrigin(req)) refuse(socket, 403, 'Forbidden');
  else {
    const entry = /** @type {{ handler?: (req: any, socket: any, head: Buffer) => void } | undefined} */ (/** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[HANDLER]);
    if (draining || !entry?.handler) refuse(socket, 503, 'Service Unavailable');
    else entry.handler(req, socket, head);
  }
  return true;
}
