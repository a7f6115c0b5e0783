// Which address a request came from. Next.js exposes no socket address to route handlers or
// server actions: it only fills X-Forwarded-For with the socket address when the client sent
// none, so that header alone can be forged by anyone. The instrumentation hook
// (installPeerAddressHeader, run by instrumentation.ts in the Node.js server) therefore stamps
// every request with the socket address under a header name that carries a per-process secret,
// which no client can guess; X-Forwarded-For is believed only as far as TRUST_PROXY says.
import crypto from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import http from 'node:http';
import https from 'node:https';
import { clientAddressFrom, parseTrustProxy } from './client-address.mjs';

/** `off`: use the socket address; N: N reverse proxies in front of us append to X-Forwarded-For. */
export type TrustProxy = 'off' | number;

export { parseTrustProxy };

const g = globalThis as { broadsheetPeerHeader?: string };

/** The header name the hook writes the socket address under, or undefined when no hook runs. */
export function peerHeaderName(): string | undefined {
  return g.broadsheetPeerHeader;
}

/**
 * The client's address: with TRUST_PROXY off, the socket address; with N trusted hops, the
 * X-Forwarded-For entry N steps back from the socket (entries further left are the client's
 * word and not believed). Null when nothing trustworthy is known.
 */
export function clientIpFrom(h: Pick<Headers, 'get'>, trust: TrustProxy, peerHeader: string | undefined = peerHeaderName()): string | null {
  return clientAddressFrom((peerHeader && h.get(peerHeader)?.trim()) || null, h.get('x-forwarded-for'), trust);
}

/**
 * Makes every HTTP request this process serves carry its socket address in a header whose
 * name holds a random per-process token (overwriting anything a client sent). Idempotent.
 */
export function installPeerAddressHeader(): void {
  if (g.broadsheetPeerHeader) return;
  const name = `x-broadsheet-peer-${crypto.randomBytes(12).toString('hex')}`;
  for (const proto of [http.Server.prototype, https.Server.prototype] as Server[]) {
    const emit = proto.emit;
    proto.emit = function patchedEmit(this: Server, event: string | symbol, ...args: unknown[]) {
      if (event === 'request') {
        const req = args[0] as IncomingMessage;
        const addr = req.socket?.remoteAddress;
        if (addr) req.headers[name] = addr.startsWith('::ffff:') ? addr.slice(7) : addr;
        else delete req.headers[name];
      }
      return (emit as (this: Server, ...a: unknown[]) => boolean).call(this, event, ...args);
    } as Server['emit'];
  }
  g.broadsheetPeerHeader = name;
}
