import { z } from 'zod';
import { IMAGE_TEXT_LIMITS, MEDIA_ID } from '@/lib/articles/body-schema';
import { formVersionSchema } from '@/lib/validation/version';

export const mediaIdSchema = z.string().trim().regex(MEDIA_ID, 'This image is not in the media library.');

const focal = z.preprocess(
  (v) => (v === '' || v === null || v === undefined ? null : v),
  z.coerce.number({ error: 'Enter a number from 0 to 100.' }).min(0, 'Enter a number from 0 to 100.').max(100, 'Enter a number from 0 to 100.').nullable(),
);

/** The media library's edit form; focal X/Y are percentages across and down (blank = centre). */
export const updateMediaSchema = z.object({
  alt: z.string().trim().max(IMAGE_TEXT_LIMITS.alt, `Keep the alt text under ${IMAGE_TEXT_LIMITS.alt} characters.`),
  caption: z.string().trim().max(IMAGE_TEXT_LIMITS.caption, `Keep the caption under ${IMAGE_TEXT_LIMITS.caption} characters.`),
  credit: z.string().trim().max(IMAGE_TEXT_LIMITS.credit, `Keep the credit under ${IMAGE_TEXT_LIMITS.credit} characters.`),
  focalX: focal,
  focalY: focal,
});
export type UpdateMediaInput = z.output<typeof updateMediaSchema>;

/** The edit form as posted, with the image's id. */
export const updateMediaFormSchema = updateMediaSchema.extend({ id: mediaIdSchema, version: formVersionSchema });

/** A button that acts on one image (Delete). */
export const mediaIdFormSchema = z.object({ id: mediaIdSchema, version: formVersionSchema });

export const listMediaQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  q: z.string().trim().max(100).catch(''),
});
