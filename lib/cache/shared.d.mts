// Types for ./shared.mjs (plain JavaScript so that Next can load the cache handler unbundled).
export declare const TAGS_KEY: string;
export declare const CHANNEL: string;
export declare const ENTRY_PREFIX: string;
export declare const TAG_RETENTION_MS: number;
export declare function startSharing(): Promise<void>;
export declare function lastInvalidated(tags: Iterable<string>): number;
export declare function invalidateTags(tags: string[]): Promise<void>;
export declare function sharedState(): { tags: Map<string, number>; loaded: boolean; pending: Map<string, number>; ready: Promise<void> | null };
export declare function onLocalInvalidation(listener: (tags: string[]) => void): () => void;
