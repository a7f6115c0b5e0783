// Types for ./inline-scripts.mjs.
export declare const LAYOUT_INLINE_SCRIPTS: readonly string[];
