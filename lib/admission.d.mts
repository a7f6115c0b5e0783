// Types for ./admission.mjs.
import type { IncomingMessage, ServerResponse } from 'node:http';
export type Lane = { name: string; cap: number; limit: number; queue: number; active: number; waiting: Array<() => void>; priority: number; refused: number };
export declare function lane(name: string, spec: string | undefined, fallback: [number, number]): Lane;
export declare const lanes: { auth: Lane; write: Lane; render: Lane };
export declare function laneOf(req: { method?: string; url?: string }): Lane;
export declare function admit(req: IncomingMessage, res: ServerResponse, handle: () => void): void;
export declare function perClientRule(spec: string | undefined, fallback: [number, number], variable?: string): { points: number; ms: number } | null;
export declare function carriesCredentials(req: { headers: IncomingMessage['headers']; url?: string }): boolean;
export declare function clientAddress(req: IncomingMessage): string;
export declare function overClientLimit(client: string, rule: { points: number; ms: number }, now?: number): number;
export declare function lagTarget(spec: string | undefined, fallback?: number): number | null;
export declare function followEventLoop(lagMs: number, target?: number | null): void;
export declare function followEventLoopLag(intervalMs?: number): () => void;
