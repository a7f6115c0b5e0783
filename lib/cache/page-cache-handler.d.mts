// Types for ./page-cache-handler.mjs (Next's cacheHandler; plain JavaScript, loaded unbundled).
type Stored = { lastModified: number; value: { html?: string; [k: string]: unknown }; cacheControl?: { revalidate: number | false; expire?: number } };
export default class PageCacheHandler {
  constructor();
  get(key: string, ctx: { kind: string; isFallback?: boolean; tags?: string[]; softTags?: string[] }): Promise<Stored | null>;
  set(key: string, data: unknown, ctx: { tags?: string[]; cacheControl?: { revalidate: number | false; expire?: number } }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
type Entry = { lastModified: number; value: { kind?: string; html?: string; [k: string]: unknown }; tags: string[]; size: number; cacheControl?: { revalidate: number | false; expire?: number } };
export declare function memoryStore(): { memory: Map<string, Entry>; bytes: number; keyByPath: Map<string, string> };
export declare function pathOfKey(key: string): string | null;
export declare function effectiveCacheControl(cacheControl: Entry['cacheControl']): Entry['cacheControl'];
export declare function notInvalidated(entry: Entry): boolean;
export declare function pageCacheEnabled(): boolean;
