// How the production server's process is started, for every launcher: `npm start`
// (scripts/start.ts), the e2e server (scripts/e2e-server.ts) and the benches (bench/server.ts).

/**
 * The environment for scripts/server.mjs. glibc's malloc gives each thread that allocates its
 * own arena, up to eight per core; Node's threads (libuv's pool for compression and files, V8's
 * compiler and collector) spread rendering's native allocations over them, and each arena keeps
 * its freed memory. Two arenas hold the same work in far less: bench/public-pages.ts's crawl
 * peaked at 744–777 MiB without the limit and 493–522 MiB with it, at the same throughput.
 * An operator's own MALLOC_ARENA_MAX is kept; other platforms ignore the variable.
 */
export function serverProcessEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX || '2' };
}
