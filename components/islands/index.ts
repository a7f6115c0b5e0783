// The reader's pages run no React in the browser: the server renders every public page whole,
// and these small islands bring the few interactive parts to life (scripts/server.mjs serves
// them as one file; lib/islands). Each looks for its markup by `data-island` and does nothing
// when the page has none. Every part works, or degrades to plain HTML, without them.
import { startBreakingAlert } from './breaking-alert';
import { startComments } from './comments';
import { startLiveUpdates } from './live-updates';
import { startThemeToggles } from './theme-toggle';

const STARTED = Symbol.for('broadsheet.islands');

/** Starts every island on the page, once (the bundle and the development fallback may both ask). */
export function startIslands() {
  const w = window as unknown as Record<symbol, boolean>;
  if (w[STARTED]) return;
  w[STARTED] = true;
  for (const [name, start] of [
    ['theme-toggle', startThemeToggles],
    ['breaking-alert', startBreakingAlert],
    ['live-updates', startLiveUpdates],
    ['comments', startComments],
  ] as const) {
    try {
      start();
    } catch (e) {
      console.error(`island ${name} failed to start`, e);
    }
  }
}
