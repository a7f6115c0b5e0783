// Types for ./fast-path.mjs (plain JavaScript: the server loads it before Next.js).
import type { IncomingMessage, ServerResponse } from 'node:http';
export declare function serveCachedPage(req: IncomingMessage, res: ServerResponse): boolean;
/** Next.js's ETag of a page body, so validators from the fast path and from Next agree. */
export declare const nextETag: (payload: string) => string;
