// @ts-check
// Which address a request came from, as far as TRUST_PROXY lets us believe X-Forwarded-For.
// Plain JS: the production server's admission control (lib/admission.mjs) reads it before
// Next.js, and lib/client-ip.ts (route handlers, server actions) builds on it.

/**
 * Reads TRUST_PROXY: unset, `off`, `false` or `0` mean off; 1–20 is the number of trusted proxy hops.
 * @param {string | undefined} value @returns {'off' | number}
 */
export function parseTrustProxy(value) {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'off' || v === 'false' || v === '0') return 'off';
  if (/^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 20) return Number(v);
  throw new Error(`TRUST_PROXY: cannot read "${value}" (expected off, or the number of reverse proxies in front of the site, e.g. 1)`);
}

/**
 * With TRUST_PROXY off, the socket address; with N trusted hops, the X-Forwarded-For entry N
 * steps back from the socket (entries further left are the client's word and not believed).
 * @param {string | null} peer the socket address, when known
 * @param {string | null} forwardedFor the X-Forwarded-For header
 * @param {'off' | number} trust
 * @returns {string | null}
 */
export function clientAddressFrom(peer, forwardedFor, trust) {
  if (trust === 'off') return peer;
  // Nearest first: the socket, then what each proxy appended, right to left.
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .reverse();
  // Without the socket address (a platform that runs only the app), the nearest peer is taken to be the first trusted proxy.
  const chain = [peer, ...hops];
  return chain[Math.min(trust, chain.length - 1)] ?? null;
}
