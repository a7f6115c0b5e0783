import { z } from 'zod';

/** `?page=` on listing pages: anything unusable means the first page rather than an error. */
export const pageNumberSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

/** A slug in a public URL; anything else cannot exist, so pages answer 404 without a query. */
export const slugParamSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(200);
