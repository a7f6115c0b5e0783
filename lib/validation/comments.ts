import { z } from 'zod';

// The reader-facing messages are part of the product: keep them exactly as written.
export const COMMENT_MESSAGES = {
  body: 'Please enter your comment!',
  name: 'Please enter your name here',
  email: 'You have entered an incorrect email address!',
  website: 'Please enter a website address starting with http:// or https://',
} as const;

/** The "Leave a reply" form, validated in the browser and again on the server. */
export const commentFormSchema = z.object({
  articleId: z.string().min(1).max(40),
  parentId: z
    .string()
    .max(40)
    .optional()
    .transform((v) => v || undefined),
  body: z.string().trim().min(1, COMMENT_MESSAGES.body).max(5000, 'Please keep your comment under 5,000 characters.'),
  name: z.string().trim().min(1, COMMENT_MESSAGES.name).max(100, 'Please keep your name under 100 characters.'),
  email: z.string().trim().toLowerCase().max(254, COMMENT_MESSAGES.email).pipe(z.email(COMMENT_MESSAGES.email)),
  website: z
    .string()
    .trim()
    .max(300, COMMENT_MESSAGES.website)
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.url({ protocol: /^https?$/, message: COMMENT_MESSAGES.website }).optional()),
});
export type CommentFormInput = z.input<typeof commentFormSchema>;

export const moderationActionSchema = z.enum(['approve', 'spam', 'trash']);
export type ModerationAction = z.infer<typeof moderationActionSchema>;
