import { z } from 'zod';

/** `?page=` on listing pages: anything unusable means the first page rather than an error. */
export const pageNumberSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

/** A slug in a public URL; anything else cannot exist, so pages answer 404 without a query. */
export const slugParamSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(200);

/** `/page/N` on listing pages: 2 and up (page 1 is the listing's own URL); anything else is not a page. */
export const listingPageSegmentSchema = z
  .string()
  .regex(/^[1-9]\d{0,4}$/)
  .transform(Number)
  .pipe(z.number().int().min(2).max(10_000));
