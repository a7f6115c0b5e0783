import { z } from 'zod';

// /admin/import's form, shared by the browser and the server (app/api/import).

export const IMPORT_SITE_URL_MESSAGE = 'Give the address of the Ghost site, starting with https:// (for example https://blog.example.com).';

/**
 * A Ghost export writes its own links and images as `__GHOST_URL__/…`; the site's address turns
 * them back into real ones (the CLI's --site-url). Blank: none given.
 */
export const importSiteUrlSchema = z.preprocess(
  (v) => (typeof v === 'string' && !v.trim() ? null : v === undefined ? null : typeof v === 'string' ? v.trim() : v),
  z
    .string()
    .max(500, 'Keep the address under 500 characters.')
    .refine((v) => URL.canParse(v) && ['http:', 'https:'].includes(new URL(v).protocol) && !new URL(v).username && !new URL(v).password, IMPORT_SITE_URL_MESSAGE)
    .nullable(),
);
