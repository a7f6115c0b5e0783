import 'server-only';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { env } from '@/lib/env';

// Where webhooks may go. An admin types a URL and the server then POSTs to it from inside the
// network: pointed at loopback, the LAN or a cloud metadata service, that is a request forgery.
// The address is checked when the connection is made — the IP the socket connects to comes
// from our own lookup, which refuses forbidden addresses — so a name that resolves to a public
// address when saved and to 127.0.0.1 a minute later (DNS rebinding) is still refused.
// WEBHOOK_ALLOW_PRIVATE=1 lifts the rule for intranet receivers and tests.

/** Blocks of addresses a webhook never reaches, with how a message names them. */
const RANGES: [string, number, 'ipv4' | 'ipv6', string][] = [
  ['0.0.0.0', 8, 'ipv4', 'a "this network" address'],
  ['10.0.0.0', 8, 'ipv4', 'a private-network address'],
  ['100.64.0.0', 10, 'ipv4', 'a carrier-grade NAT (shared) address'],
  ['127.0.0.0', 8, 'ipv4', 'a loopback address'],
  ['169.254.0.0', 16, 'ipv4', 'a link-local address'],
  ['172.16.0.0', 12, 'ipv4', 'a private-network address'],
  ['192.0.0.0', 24, 'ipv4', 'a reserved (IETF protocol) address'],
  ['192.0.2.0', 24, 'ipv4', 'a documentation address'],
  ['192.88.99.0', 24, 'ipv4', 'a reserved relay address'],
  ['192.168.0.0', 16, 'ipv4', 'a private-network address'],
  ['198.18.0.0', 15, 'ipv4', 'a benchmarking address'],
  ['198.51.100.0', 24, 'ipv4', 'a documentation address'],
  ['203.0.113.0', 24, 'ipv4', 'a documentation address'],
  ['224.0.0.0', 4, 'ipv4', 'a multicast address'],
  ['240.0.0.0', 4, 'ipv4', 'a reserved address'],
  ['::', 128, 'ipv6', 'the unspecified address'],
  ['::1', 128, 'ipv6', 'a loopback address'],
  ['100::', 64, 'ipv6', 'a discard address'],
  ['2001:db8::', 32, 'ipv6', 'a documentation address'],
  ['fc00::', 7, 'ipv6', 'a unique-local (private) address'],
  ['fe80::', 10, 'ipv6', 'a link-local address'],
  ['fec0::', 10, 'ipv6', 'a site-local address'],
  ['ff00::', 8, 'ipv6', 'a multicast address'],
];
const BLOCKS = RANGES.map(([address, prefix, type, kind]) => {
  const list = new net.BlockList();
  list.addSubnet(address, prefix, type);
  return { list, type, kind };
});

/** Cloud metadata services, named as such (they also fall in the blocks above). */
const METADATA = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254']);

/** 16 bytes of an IPv6 address (valid input only). */
function ipv6Bytes(address: string): number[] {
  let text = address.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -v4[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.flatMap((g) => {
    const n = parseInt(g || '0', 16);
    return [n >> 8, n & 0xff];
  });
}

/** The IPv4 address an IPv6 one carries (IPv4-mapped, IPv4-compatible, NAT64, 6to4), if any. */
function embeddedIpv4(address: string): string | null {
  const b = ipv6Bytes(address);
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  const v4 = (at: number) => b.slice(at, at + 4).join('.');
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return v4(12); // ::ffff:a.b.c.d
  if (zero(0, 12) && b[12] !== 0) return v4(12); // ::a.b.c.d (deprecated; ::1 and :: are not)
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zero(4, 12)) return v4(12); // 64:ff9b::/96
  if (b[0] === 0x20 && b[1] === 0x02) return v4(2); // 2002:a.b.c.d::/16
  return null;
}

/**
 * Why a webhook may not connect to `address` ("a loopback address", "the cloud metadata
 * address"), or null when it may: public unicast only.
 */
export function forbiddenAddressReason(address: string): string | null {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const type = net.isIP(ip);
  if (!type) return 'not an IP address';
  if (METADATA.has(ip.toLowerCase())) return 'the cloud metadata address';
  if (type === 6) {
    const v4 = embeddedIpv4(ip);
    if (v4) {
      const inner = forbiddenAddressReason(v4);
      if (inner) return inner;
    }
  }
  for (const b of BLOCKS) if (b.type === (type === 4 ? 'ipv4' : 'ipv6') && b.list.check(ip, b.type)) return b.kind;
  return null;
}

/** Refused because of where it would connect; the message says so in words an admin can act on. */
export class ForbiddenDestinationError extends Error {
  constructor(host: string, address: string, reason: string) {
    const where = host === address ? `${address} is` : `${host} resolves to ${address},`;
    super(`Refused: ${where} ${reason}. Webhooks go only to public internet addresses (set WEBHOOK_ALLOW_PRIVATE=1 to allow private networks).`);
    this.name = 'ForbiddenDestinationError';
  }
}

/** Whether private destinations are allowed (read per call: tests switch it). */
const allowPrivate = () => env.WEBHOOK_ALLOW_PRIVATE;

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A `lookup` for sockets: resolves like dns.lookup, then refuses the connection when any
 * address the name resolves to is forbidden. Node calls it as the connection is made.
 */
export function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    for (const a of addresses) {
      const reason = forbiddenAddressReason(a.address);
      if (reason) return callback(Object.assign(new ForbiddenDestinationError(hostname, a.address, reason), { code: 'EFORBIDDEN' }), '');
    }
    if (!addresses.length) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

/**
 * For the dashboard when a webhook is saved: why its URL may not be used (an address literal
 * or a name resolving to a forbidden address), or null. A name that does not resolve now is
 * accepted; its deliveries will say why they fail.
 */
export async function checkWebhookDestination(url: string): Promise<string | null> {
  if (allowPrivate() || !URL.canParse(url)) return null;
  const host = hostOf(new URL(url));
  if (net.isIP(host)) {
    const reason = forbiddenAddressReason(host);
    return reason ? new ForbiddenDestinationError(host, host, reason).message : null;
  }
  try {
    for (const a of await dns.promises.lookup(host, { all: true })) {
      const reason = forbiddenAddressReason(a.address);
      if (reason) return new ForbiddenDestinationError(host, a.address, reason).message;
    }
  } catch {
    // Not resolvable now: deliveries report it.
  }
  return null;
}

/**
 * POSTs a webhook body and resolves with the HTTP status (redirects are not followed: the
 * signature was made for this URL's owner). Rejects with ForbiddenDestinationError when the
 * connection would reach a forbidden address, with a TimeoutError past `timeoutMs`.
 */
export function postToDestination(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<number> {
  const target = new URL(url);
  const host = hostOf(target);
  if (!allowPrivate() && net.isIP(host)) {
    // An address literal never goes through a lookup: checked here.
    const reason = forbiddenAddressReason(host);
    if (reason) return Promise.reject(new ForbiddenDestinationError(host, host, reason));
  }
  const signal = AbortSignal.timeout(timeoutMs);
  return new Promise<number>((resolve, reject) => {
    const request = (target.protocol === 'https:' ? https : http).request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        // A fresh connection each time, so every one is checked as it is made.
        agent: false,
        lookup: allowPrivate() ? undefined : (guardedLookup as unknown as net.LookupFunction),
        signal,
      },
      (res) => {
        resolve(res.statusCode ?? 0);
        // The answer's body is not read: its status is all a delivery records.
        res.destroy();
      },
    );
    request.on('error', (e) => reject(signal.aborted ? Object.assign(new Error(`No answer within ${timeoutMs / 1000} s.`), { name: 'TimeoutError' }) : e));
    request.end(body);
  });
}

/**
 * GETs a public file (an image an import refers to) under the same guard as deliveries: the
 * connection is refused when it would reach a forbidden address; redirects are not followed
 * (the next hop would escape the check). Rejects past `timeoutMs` or beyond `maxBytes`.
 */
export function fetchFromDestination(url: string, { timeoutMs, maxBytes }: { timeoutMs: number; maxBytes: number }): Promise<Buffer> {
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return Promise.reject(new Error(`Only http(s) addresses are fetched, not ${target.protocol}`));
  const host = hostOf(target);
  if (!allowPrivate() && net.isIP(host)) {
    const reason = forbiddenAddressReason(host);
    if (reason) return Promise.reject(new ForbiddenDestinationError(host, host, reason));
  }
  const signal = AbortSignal.timeout(timeoutMs);
  return new Promise<Buffer>((resolve, reject) => {
    const fail = (e: Error) => reject(signal.aborted ? Object.assign(new Error(`No answer within ${timeoutMs / 1000} s.`), { name: 'TimeoutError' }) : e);
    const request = (target.protocol === 'https:' ? https : http).get(
      target,
      { agent: false, lookup: allowPrivate() ? undefined : (guardedLookup as unknown as net.LookupFunction), signal },
      (res) => {
        if (res.statusCode !== 200) {
          res.destroy();
          return reject(new Error(`The server answered ${res.statusCode}.`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) res.destroy(new Error(`The file is larger than ${Math.round(maxBytes / 1048576)} MB.`));
          else chunks.push(c);
        });
        res.on('end', () => resolve(Buffer.concat(chunks)));
        res.on('error', fail);
      },
    );
    request.on('error', fail);
  });
}
