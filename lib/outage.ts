// What the site says while the database cannot be reached. Shared by the server's error mapping
// (lib/errors) and the pages' error boundary (app/error.tsx, a client component): no server imports.

/** What readers and writers are told while the database cannot be reached. */
export const DATABASE_UNAVAILABLE_MESSAGE = "We can't reach the newsroom's database right now. Please try again in a minute.";

/**
 * The digest a page's error boundary receives for a database outage: Next.js keeps an error's own
 * `digest` instead of hashing its message, and lib/db stamps this one on unreachable-database errors.
 */
export const DATABASE_UNAVAILABLE_DIGEST = 'BROADSHEET_DATABASE_UNAVAILABLE';

/** Seconds a client is asked to wait (Retry-After) before trying again while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 10;
