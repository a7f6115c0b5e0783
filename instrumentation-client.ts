// Runs in the browser before the app's own code. zod compiles fast object parsers with
// `new Function` after probing whether eval is allowed; under the Content-Security-Policy
// (no 'unsafe-eval', lib/security/headers.mjs) that probe is reported as a violation on every
// page with a form. jitless skips the probe; validation in the browser is small and stays fast.
// Only zod's config is imported here: this runs on every page, and the forms load zod itself.
import { config } from 'zod/v4/core';

config({ jitless: true });
