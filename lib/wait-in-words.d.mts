// Types for ./wait-in-words.mjs.
export declare function waitInWords(seconds: number): string;
