// Types for ./static-page.mjs (plain JavaScript: the server loads it before Next.js).
import type { IncomingMessage, ServerResponse } from 'node:http';
export declare function setIslandScript(path: string | null): void;
export declare const islandsReady: () => boolean;
export declare function withoutReact(html: string, scriptPath: string): string;
export declare const publicPageHtml: (html: string) => string;
export declare function isPublicPageRequest(req: IncomingMessage): boolean;
export declare function servePublicPageWithoutReact(req: IncomingMessage, res: ServerResponse, etagOf: (payload: string) => string): void;
