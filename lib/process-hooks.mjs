// @ts-check
// What the production server (scripts/server.mjs, plain JavaScript, loaded before Next.js) and the
// bundled domain code share about this process. Both copies of this module meet in one object on
// globalThis, so a hook registered from inside Next's bundle is seen by the server and vice versa.
//
// - Shutdown hooks: every long-lived resource (pollers, database pools, Redis clients, job runners)
//   registers how to stop it; the server runs them on SIGTERM after in-flight requests finish.
// - Readiness checks: each configured dependency (database, Redis) registers a check; /readyz runs them.
// - Request context: per-request notes (e.g. "the database was unreachable"), so the server can
//   turn a failed render into a 503 with Retry-After.
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * @typedef {{ name: string, order: number, stop: () => unknown }} ShutdownHook
 * @typedef {{ name: string, check: (signal: AbortSignal) => Promise<void> }} ReadinessCheck
 * @typedef {{ databaseUnavailable?: boolean, replicaReads?: boolean, wrote?: boolean }} RequestNotes
 * @typedef {{ shutdown: ShutdownHook[], readiness: Map<string, ReadinessCheck>, requests: AsyncLocalStorage<RequestNotes>, stopping: boolean }} ProcessHooks
 */

const KEY = Symbol.for('broadsheet.process-hooks');

/** @returns {ProcessHooks} */
function hooks() {
  const g = /** @type {Record<symbol, ProcessHooks | undefined>} */ (/** @type {unknown} */ (globalThis));
  return (g[KEY] ??= { shutdown: [], readiness: new Map(), requests: new AsyncLocalStorage(), stopping: false });
}

/**
 * Registers `stop` to run when the process shuts down. Lower `order` stops first: 10 for workers
 * that produce work (pollers, job runners), 50 for clients they use (database, Redis).
 * Returns a function that unregisters it (a worker stopped by other means).
 * @param {string} name @param {() => unknown} stop @param {number} [order]
 */
export function onShutdown(name, stop, order = 10) {
  const hook = { name, order, stop };
  hooks().shutdown.push(hook);
  return () => {
    const list = hooks().shutdown;
    const i = list.indexOf(hook);
    if (i >= 0) list.splice(i, 1);
  };
}

/** Whether the process has begun shutting down (pollers stop starting new work). */
export function isShuttingDown() {
  return hooks().stopping;
}

/**
 * Runs every shutdown hook, by order (hooks of one order together), each bounded by `timeoutMs`.
 * Resolves with the names of hooks that failed or timed out.
 * @param {number} timeoutMs
 * @returns {Promise<string[]>}
 */
export async function runShutdownHooks(timeoutMs) {
  const state = hooks();
  state.stopping = true;
  const failed = [];
  const orders = [...new Set(state.shutdown.map((h) => h.order))].sort((a, b) => a - b);
  for (const order of orders) {
    const batch = state.shutdown.filter((h) => h.order === order);
    await Promise.all(
      batch.map(async (h) => {
        /** @type {NodeJS.Timeout | undefined} */
        let timer;
        const timeout = new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`did not stop within ${timeoutMs} ms`)), timeoutMs);
        });
        try {
          await Promise.race([Promise.resolve().then(h.stop), timeout]);
        } catch (e) {
          failed.push(h.name);
          console.error(`shutdown: ${h.name}:`, e instanceof Error ? e.message : e);
        } finally {
          clearTimeout(timer);
        }
      }),
    );
  }
  return failed;
}

/**
 * Registers (or replaces) the readiness check of a dependency: it rejects when the dependency
 * cannot be used. `signal` aborts when /readyz stops waiting.
 * @param {string} name @param {(signal: AbortSignal) => Promise<void>} check
 */
export function onReadinessCheck(name, check) {
  hooks().readiness.set(name, { name, check });
}

/**
 * Runs every readiness check at once, each within `timeoutMs`.
 * @param {number} timeoutMs
 * @returns {Promise<{ ready: boolean, checks: Record<string, { ok: boolean, ms: number, error?: string }> }>}
 */
export async function checkReadiness(timeoutMs) {
  /** @type {Record<string, { ok: boolean, ms: number, error?: string }>} */
  const checks = {};
  await Promise.all(
    [...hooks().readiness.values()].map(async ({ name, check }) => {
      const started = performance.now();
      const ctrl = new AbortController();
      /** @type {NodeJS.Timeout | undefined} */
      let timer;
      try {
        await Promise.race([
          check(ctrl.signal),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        checks[name] = { ok: true, ms: Math.round(performance.now() - started) };
      } catch (e) {
        checks[name] = { ok: false, ms: Math.round(performance.now() - started), error: e instanceof Error ? e.message : String(e) };
      } finally {
        clearTimeout(timer);
        ctrl.abort();
      }
    }),
  );
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}

/**
 * Runs `fn` with fresh request notes (the server wraps each request in one).
 * @template T @param {() => T} fn @returns {T}
 */
export function withRequestNotes(fn, /** @type {RequestNotes} */ notes = {}) {
  return hooks().requests.run(notes, fn);
}

/** The notes of the request being served, if any. @returns {RequestNotes | undefined} */
export function requestNotes() {
  return hooks().requests.getStore();
}
