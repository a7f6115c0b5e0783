// Types for ./script.mjs (plain JavaScript so that the server's security headers read the same text).
export declare const THEME_STORAGE_KEY: string;
export declare const THEME_SCRIPT: string;
