// Types for ./stream.mjs (served by scripts/server.mjs before Next.js).
import type { IncomingMessage, ServerResponse } from 'node:http';
export declare const STREAM_PATH: string;
export declare function serveLiveStream(req: IncomingMessage, res: ServerResponse, draining?: boolean): boolean;
export declare function liveReaderCount(): number;
export declare function closeLiveStreams(): void;
