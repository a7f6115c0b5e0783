// @ts-check
// The only hosts an article body may frame: video players rebuilt from an id (lib/articles/body.ts).
// Plain JavaScript so the server's security headers (lib/security/headers.mjs), loaded before
// Next.js, give the Content-Security-Policy's frame-src the same list.

/** The privacy-friendly player host of each video provider. */
export const EMBED_PLAYER_HOSTS = Object.freeze({ youtube: 'www.youtube-nocookie.com', vimeo: 'player.vimeo.com' });

/** Every hostname an article's iframe may point at. */
export const EMBED_IFRAME_HOSTS = Object.freeze(Object.values(EMBED_PLAYER_HOSTS));
