// Types for ./embed-hosts.mjs.
export declare const EMBED_PLAYER_HOSTS: Readonly<{ youtube: string; vimeo: string }>;
export declare const EMBED_IFRAME_HOSTS: readonly string[];
