// Types for ./tags.mjs (plain JavaScript: the server loads it before Next.js).
import type { ServerResponse } from 'node:http';
export declare const CDN_NO_STORE: Record<string, string>;
export declare function cdnTagHeaders(tags: Iterable<string>): Record<string, string>;
export declare function keepUntaggedOutOfCdn(res: ServerResponse): void;
