import { z } from 'zod';
import { isReservedTopLevelName, reservedSlugMessage } from '@/lib/pages/reserved';
import { articleFormSchema, articleVersionSchema, deleteArticleFormSchema, publishAtSchema } from '@/lib/validation/articles';
import { formId } from '@/lib/validation/form';

// Static pages (About, Contact, Terms): the page editor's form, shared by the browser and the
// server action. The body fields are the article editor's own; a page adds its address and SEO.

const blankAsMissing = (v: unknown) => (v === '' || v === null ? undefined : v);
const optionalText = (max: number, message: string) => z.preprocess((v) => (typeof v === 'string' ? v.trim() || null : v === undefined ? null : v), z.string().max(max, message).nullable());

/** A page's address under the site root: `/about`. Never one of the site's own top-level names. */
export const pageSlugSchema = z
  .string()
  .trim()
  .min(1, 'Give the page a slug.')
  .max(80, 'Keep the slug under 80 characters.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens only (for example "about-us").')
  .refine((s) => !isReservedTopLevelName(s), { error: (issue) => reservedSlugMessage(String(issue.input)) });

export const pageFormSchema = articleFormSchema.pick({ standfirst: true, body: true, bodyJson: true }).extend({
  title: z.string({ error: 'Give the page a title.' }).trim().min(1, 'Give the page a title.').max(200, 'Keep the title under 200 characters.'),
  /** Blank: made from the title on the first save, unchanged afterwards. */
  slug: z.preprocess(blankAsMissing, pageSlugSchema.optional()),
  seoTitle: optionalText(200, 'Keep the SEO title under 200 characters.'),
  seoDescription: optionalText(400, 'Keep the SEO description under 400 characters.'),
});
export type PageFormData = z.output<typeof pageFormSchema>;

/** Pages are managed by editors, who publish directly: no "Submit for review". */
export const pageIntentSchema = z.enum(['save', 'publish', 'unpublish', 'schedule']);
export type PageIntent = z.infer<typeof pageIntentSchema>;

/** The page editor's form as posted: the button pressed, the page and the version it was loaded at, its fields and "Publish at". */
export const savePageFormSchema = pageFormSchema
  .extend({
    intent: pageIntentSchema,
    id: z.preprocess(blankAsMissing, formId.optional()),
    version: z.preprocess(blankAsMissing, articleVersionSchema.optional()),
    publishAt: z.preprocess(blankAsMissing, z.string().max(40).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.intent === 'schedule' && !publishAtSchema.safeParse(v.publishAt).success) ctx.addIssue({ code: 'custom', path: ['publishAt'], message: 'Choose the date and time to publish.' });
  });

/** "Restore this version" in a page's revisions: the revision, and the page version the screen showed. */
export const restorePageRevisionFormSchema = z.object({ pageId: formId, revisionId: formId, version: articleVersionSchema });

/** "Delete page" on the edit screen, confirmed by typing "delete" (as an article's deletion is). */
export const deletePageFormSchema = deleteArticleFormSchema.omit({ articleId: true }).extend({ pageId: formId });
