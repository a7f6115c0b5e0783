import { z } from 'zod';
import { bodyJsonFieldSchema } from '@/lib/validation/articles';

const idSchema = z.string().trim().min(1).max(40);
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

/** The live-coverage composer: a rich-text update (the body editor's subset), an optional headline, and two flags. */
export const liveUpdateFormSchema = z.object({
  articleId: idSchema,
  headline: z.string().trim().max(200, 'Keep the headline under 200 characters.').default(''),
  bodyJson: bodyJsonFieldSchema,
  keyEvent: checkbox,
  pinned: checkbox,
});
export type LiveUpdateInput = z.output<typeof liveUpdateFormSchema>;

/** Editing an update names the version it started from, so a colleague's edit is never overwritten. */
export const editLiveUpdateFormSchema = liveUpdateFormSchema.extend({ updateId: idSchema, version: z.coerce.number().int().min(1) });
export const deleteLiveUpdateFormSchema = z.object({ articleId: idSchema, updateId: idSchema });
export const liveCoverageFormSchema = z.object({ articleId: idSchema, intent: z.enum(['start', 'end'], { error: 'Choose to start or end live coverage.' }) });
