// Types for ./results-path.mjs (plain JavaScript: the server loads it before Next.js).
export declare function normaliseSearchQuery(q: string): string;
export declare function searchResultsPath(params: URLSearchParams): string | null;
export declare function searchFromResultsPath(hex: string, page: string): { q: string; page: number } | null;
export declare function searchResultsPathOfUrl(url: string): string | null;
