import 'server-only';
import net from 'node:net';

// The sign-in throttle's rules as pure functions (lib/auth/throttle applies them).

/** A sign-in limit: at most `points` failed attempts per `seconds`, per account or per client network. */
export type SignInLimit = { scope: 'account' | 'ip'; points: number; seconds: number };

/**
 * Reads SIGN_IN_LIMITS, e.g. `account:5/900,ip:20/900` (the default: 5 failures per account or
 * 20 per IP address in 15 minutes), or `off`. Throws on anything it cannot read.
 */
export function parseSignInLimits(spec: string): SignInLimit[] {
  const s = spec.trim().toLowerCase();
  if (s === '' || s === 'off') return [];
  return s.split(',').map((part) => {
    const m = /^(account|ip):(\d{1,6})\/(\d{1,7})$/.exec(part.trim());
    if (!m || Number(m[2]) < 1 || Number(m[3]) < 1) throw new Error(`SIGN_IN_LIMITS: cannot read "${part.trim()}" (expected e.g. account:5/900 or ip:20/900)`);
    return { scope: m[1] as 'account' | 'ip', points: Number(m[2]), seconds: Number(m[3]) };
  });
}

/**
 * The part of an address that identifies one client network: an IPv4 address as it is, an
 * IPv6 address by its /64 (one household or server gets a whole /64, so counting single
 * addresses would let it rotate freely). IPv4-mapped IPv6 counts as the IPv4 address.
 */
export function clientNetwork(ip: string): string | null {
  let a = ip.trim();
  if (a.startsWith('[') && a.endsWith(']')) a = a.slice(1, -1);
  a = a.replace(/%.*$/, ''); // zone id
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) a = mapped[1]!;
  const kind = net.isIP(a);
  if (kind === 4) return a;
  if (kind !== 6) return null;
  return `${expandIPv6(a)
    .slice(0, 4)
    .map((n) => n.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing dotted quad converted). */
function expandIPv6(address: string): number[] {
  let s = address;
  const quad = /^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (quad) {
    const [a, b, c, d] = quad.slice(2).map(Number) as [number, number, number, number];
    s = `${quad[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const groups = (part: string | undefined) => (part ? part.split(':').map((h) => parseInt(h, 16)) : []);
  const [head, tail] = s.split('::') as [string, string | undefined];
  if (tail === undefined) return groups(head);
  const left = groups(head);
  const right = groups(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** The sign-in form's message for a refusal: `Too many sign-in attempts. Try again in N minutes.` */
export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
