// Types for ./hub.mjs (plain JavaScript so that the production server serves the stream itself).
export type LiveEvent = { id: number; topic: string; type: string; data: unknown };
export declare const LIVE_CHANNEL: string;
export declare const BUFFER_SIZE: number;
export declare function publishLive(topic: string, type: string, data: unknown): Promise<LiveEvent>;
export declare function startLiveSharing(): void;
export declare function onLiveEvent(listener: (event: LiveEvent) => void): () => boolean;
export declare function eventsSince(lastId: number, topics: Set<string>): LiveEvent[] | null;
export declare function currentLiveId(): number;
export declare function setLiveSnapshotLoader(topic: string, load: () => Promise<unknown>): void;
export declare function liveSnapshot(topic: string): Promise<unknown>;
