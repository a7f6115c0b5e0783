// @ts-check
// Inline scripts that every page renders in its root layout, outside Next.js's own (for example
// a theme script in <head>, identical on every page). Pages rendered with a nonce (proxy.ts) get
// no nonce on them, so their hashes go into the nonce policy; cached pages are hashed whole
// anyway. Add a script's exact source here — import it from the module the layout renders it
// from (a plain .mjs file, so the server and proxy.ts read the same text), never a copy.

import { THEME_SCRIPT } from '../theme/script.mjs';

/** @type {readonly string[]} */
export const LAYOUT_INLINE_SCRIPTS = [THEME_SCRIPT];
