// Types for ./process-hooks.mjs (plain JavaScript: the server loads it before Next.js).
export type RequestNotes = { databaseUnavailable?: boolean };
export declare function onShutdown(name: string, stop: () => unknown, order?: number): () => void;
export declare function isShuttingDown(): boolean;
export declare function runShutdownHooks(timeoutMs: number): Promise<string[]>;
export declare function onReadinessCheck(name: string, check: (signal: AbortSignal) => Promise<void>): void;
export declare function checkReadiness(timeoutMs: number): Promise<{ ready: boolean; checks: Record<string, { ok: boolean; ms: number; error?: string }> }>;
export declare function withRequestNotes<T>(fn: () => T): T;
export declare function requestNotes(): RequestNotes | undefined;
