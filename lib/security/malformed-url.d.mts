// Types for ./malformed-url.mjs.
import type { IncomingMessage, ServerResponse } from 'node:http';
export declare function hasMalformedEscape(path: string): boolean;
export declare const INVALID_PREVIEW_PATH: string;
export declare function answerMalformedUrl(req: IncomingMessage, res: ServerResponse): boolean;
export declare function malformedActionsAre400(req: IncomingMessage, res: ServerResponse): void;
