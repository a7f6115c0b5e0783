// Types for ./headers.mjs (plain JavaScript: the server loads it before Next.js).
import type { ServerResponse } from 'node:http';
export declare const NONCE_PATHS: RegExp;
export declare const RESOURCE_CSP: string;
export declare const WORKER_SCRIPT_CSP: string;
export declare function siteIsHttps(): boolean;
export declare function pageCsp(scriptSources: string[]): string;
export declare function nonceCsp(nonce: string): string;
export declare function scriptHash(source: string): string;
export declare function inlineScriptHashes(html: string): string[];
export declare function hashedPageCsp(html: string): string;
export declare function baseSecurityHeaders(path: string): [string, string][];
export declare function applySecurityHeaders(res: ServerResponse, path: string): void;
export declare function securePageResponse(res: ServerResponse): void;
