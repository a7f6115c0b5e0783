// @ts-check
// How long to wait, in words, for every "try again in …" message (plain JS: the production
// server's admission control uses it before Next.js; lib/rate-limit.ts re-exports it).

/** `45 seconds`, `1 second`, `3 minutes` (seconds up to two minutes, then whole minutes rounded up). @param {number} seconds */
export function waitInWords(seconds) {
  if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
