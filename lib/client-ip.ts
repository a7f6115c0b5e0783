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

/** `off`: use the socket address; N: N reverse proxies in front of us append to X-Forwarded-For. */
export type TrustProxy = 'off' | number;

/** Reads TRUST_PROXY: unset, `off`, `false` or `0` mean off; 1–20 is the number of trusted proxy hops. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'off' || v === 'false' || v === '0') return 'off';
  if (/^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 20) return Number(v);
  throw new Error(`TRUST_PROXY: cannot read "${value}" (expected off, or the number of reverse proxies in front of the site, e.g. 1)`);
}

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
  const peer = (peerHeader && h.get(peerHeader)?.trim()) || null;
  if (trust === 'off') return peer;
  // Nearest first: the socket, then what each proxy appended, right to left.
  const hops = (h.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .reverse();
  // Without the hook (e.g. a platform that runs only the app), the nearest peer is taken to be the first trusted proxy.
  const chain: (string | null)[] = [peer, ...hops];
  return chain[Math.min(trust, chain.length - 1)] ?? null;
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
