import { z } from 'zod';
import { formVersionSchema } from '@/lib/validation/version';
import { formId, withConfirmBox } from '@/lib/validation/form';
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD } from '@/lib/validation/comment-fields';

export { FORM_TOKEN_FIELD, HONEYPOT_FIELD };

// The reader-facing messages are part of the product: keep them exactly as written.
export const COMMENT_MESSAGES = {
  body: 'Please enter your comment!',
  name: 'Please enter your name here',
  email: 'You have entered an incorrect email address!',
  website: 'Please enter a website address starting with http:// or https://',
} as const;

// NUL cannot be stored in PostgreSQL text and has no place in a comment; browsers post
// textarea line breaks as CRLF, stored as the LF the reader saw.
const withoutNul = z.string().transform((v) => v.replace(/\u0000/g, '').replace(/\r\n?/g, '\n'));

/** The "Leave a reply" form, validated in the browser and again on the server. */
export const commentFormSchema = z.object({
  articleId: z.string().min(1).max(40),
  parentId: z
    .string()
    .max(40)
    .optional()
    .transform((v) => v || undefined),
  body: withoutNul.pipe(z.string().trim().min(1, COMMENT_MESSAGES.body).max(5000, 'Please keep your comment under 5,000 characters.')),
  name: withoutNul.pipe(z.string().trim().min(1, COMMENT_MESSAGES.name).max(100, 'Please keep your name under 100 characters.')),
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

/** What the server accepts from the form or POST /api/comments: the form plus its anti-spam extras. */
export const commentSubmissionSchema = commentFormSchema.extend({
  [FORM_TOKEN_FIELD]: z.string().max(200).optional(),
  [HONEYPOT_FIELD]: z.string().max(5000).optional(),
});

export const moderationActionSchema = z.enum(['approve', 'unapprove', 'spam', 'trash', 'delete']);
export type ModerationAction = z.infer<typeof moderationActionSchema>;

/** Approve / Mark as spam / Trash / Delete under a comment in the queue. */
export const moderateCommentFormSchema = z.object({ commentId: formId, action: moderationActionSchema, version: formVersionSchema });

/** A button that acts on one comment (Dismiss reports). */
export const commentIdFormSchema = z.object({ commentId: formId });

/** "Lift" on the bans page. */
export const liftBanFormSchema = z.object({ banId: formId });

/** The commenter privacy tools: everything stored about one email address. */
const commenterEmail = z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.'));
export const commenterEmailFormSchema = z.object({ email: commenterEmail });
export const eraseCommenterFormSchema = withConfirmBox({ email: commenterEmail }, 'Tick the box to confirm the erasure.');

const banDays = z
  .string()
  .optional()
  .transform((v) => (v && v !== 'permanent' ? Number(v) : null))
  .pipe(z.number().int().min(1).max(3650).nullable());
const banReason = z.string().trim().max(500, 'Please keep the reason under 500 characters.').default('');

/** "Ban" under a comment in the moderation queue (admins). */
export const banFromCommentSchema = z
  .object({
    commentId: z.string().min(1).max(40),
    banEmail: z
      .string()
      .optional()
      .transform((v) => v === 'on'),
    banIp: z
      .string()
      .optional()
      .transform((v) => v === 'on'),
    days: banDays,
    reason: banReason,
  })
  .refine((v) => v.banEmail || v.banIp, { message: 'Choose the email address, the IP address or both.', path: ['banEmail'] });

/** "Ban an email or IP address" on the bans page (admins). */
export const banValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('EMAIL'), value: z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.')), days: banDays, reason: banReason }),
  z.object({ kind: z.literal('IP'), value: z.union([z.ipv4(), z.ipv6()], { message: 'Enter a valid IPv4 or IPv6 address.' }), days: banDays, reason: banReason }),
]);

/** The moderation tabs: the four statuses and the comments with open reader reports. */
export const moderationTabSchema = z.enum(['PENDING', 'APPROVED', 'SPAM', 'TRASH', 'REPORTED']);
export type ModerationTab = z.infer<typeof moderationTabSchema>;

/** The queue's search params: tab, free-text search and page, each falling back on bad input. */
export const moderationQuerySchema = z.object({
  status: moderationTabSchema.catch('PENDING'),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** Edit a comment from the dashboard: the same rules and messages as the reader form. */
export const commentEditSchema = commentFormSchema.pick({ body: true, name: true, website: true });
export type CommentEditInput = z.output<typeof commentEditSchema>;
export const editCommentFormSchema = commentEditSchema.extend({ commentId: formId, version: formVersionSchema });

/** A staff reply typed in the dashboard. */
export const staffReplySchema = z.object({ parentId: z.string().min(1).max(40), body: commentFormSchema.shape.body });

/** "Report" under a comment: why a reader thinks it should go. */
export const reportCommentSchema = z.object({
  commentId: z.string().min(1).max(40),
  reason: z.string().trim().min(3, 'Please tell us briefly what is wrong with this comment.').max(500, 'Please keep the reason under 500 characters.'),
});

/** Bulk moderation: up to 100 comment ids at a time. */
export const bulkModerationSchema = z.object({ ids: z.array(z.string().min(1).max(40)).min(1, 'Select at least one comment.').max(100), action: moderationActionSchema });
