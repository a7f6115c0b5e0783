// Types for ./upgrade.mjs (plain JavaScript: the production server loads it before Next.js).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
export declare const COLLAB_PATH: string;
export declare function serveCollabUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, draining: boolean): boolean;
