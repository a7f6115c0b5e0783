// Types for ./bundle.mjs (plain JavaScript: the server loads it before Next.js).
import type { IncomingMessage, ServerResponse } from 'node:http';
export declare function buildIslands(root: string): Promise<string | null>;
export declare function serveIslandScript(req: IncomingMessage, res: ServerResponse): boolean;
