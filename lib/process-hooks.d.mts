// Types for ./process-hooks.mjs (plain JavaScript: the server loads it before Next.js).
/** replicaReads: this request may read from a replica (lib/db.ts); wrote: it has written, so it reads from the primary from now on. */
export type RequestNotes = { databaseUnavailable?: boolean; replicaReads?: boolean; wrote?: boolean };
export declare function onShutdown(name: string, stop: () => unknown, order?: number): () => void;
export declare function isShuttingDown(): boolean;
export declare function runShutdownHooks(timeoutMs: number): Promise<string[]>;
export declare function onReadinessCheck(name: string, check: (signal: AbortSignal) => Promise<void>): void;
export declare function checkReadiness(timeoutMs: number): Promise<{ ready: boolean; checks: Record<string, { ok: boolean; ms: number; error?: string }> }>;
export declare function withRequestNotes<T>(fn: () => T, notes?: RequestNotes): T;
export declare function requestNotes(): RequestNotes | undefined;
