// Runs in the browser before the app's own code. zod compiles fast object parsers with
// `new Function` after probing whether eval is allowed; under the Content-Security-Policy
// (no 'unsafe-eval', lib/security/headers.mjs) that probe is reported as a violation on every
// page with a form. jitless skips the probe; validation in the browser is small and stays fast.
import { z } from 'zod';

z.config({ jitless: true });
