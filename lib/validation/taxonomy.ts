import { z } from 'zod';
import { formVersionSchema } from '@/lib/validation/version';

/** A URL slug as people type it: lowercase letters and digits in words joined by single hyphens. */
export const kebabSlugSchema = z
  .string()
  .trim()
  .min(1, 'Enter a slug.')
  .max(80, 'Keep the slug under 80 characters.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens, e.g. "harbour-ferry-returns".');

const id = z.string().trim().min(1).max(40);
const name = z.string().trim().min(1, 'Enter a name.').max(60, 'Keep the name under 60 characters.');
const description = z
  .string()
  .trim()
  .max(500, 'Keep the description under 500 characters.')
  .default('')
  .transform((v) => v || null);

export const createSectionSchema = z.object({
  name,
  slug: z
    .string()
    .trim()
    .default('')
    .pipe(z.union([z.literal(''), kebabSlugSchema]))
    .transform((v) => v || undefined),
  description,
});
export const updateSectionSchema = z.object({ id, name, description, version: formVersionSchema });
export const moveSectionSchema = z.object({ id, direction: z.enum(['up', 'down']) });

export const updateTagSchema = z.object({ id, name, description, version: formVersionSchema });
export const mergeTagsSchema = z
  .object({ fromId: z.string().trim().min(1, 'Choose the tag to merge.').max(40), intoId: z.string().trim().min(1, 'Choose the tag to merge into.').max(40) })
  .refine((v) => v.fromId !== v.intoId, { message: 'Choose a different tag to merge into.', path: ['intoId'] });

export const changeSlugSchema = z.object({ articleId: id, slug: kebabSlugSchema });
