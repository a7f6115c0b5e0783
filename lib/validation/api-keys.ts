import { z } from 'zod';
import { formList } from '@/lib/validation/form';

/** What an admin API key may do; each admin endpoint needs one of these. */
export const ADMIN_SCOPES = [
  'articles:write',
  'articles:publish',
  'media:write',
  'comments:moderate',
  'taxonomy:write',
  'pages:write',
  'plans:write',
  'alerts:write',
  'live:write',
  'corrections:write',
] as const;
export type AdminScope = (typeof ADMIN_SCOPES)[number];

export const ADMIN_SCOPE_LABELS: Record<AdminScope, string> = {
  'articles:write': 'Create and edit articles, submit them for review',
  'articles:publish': 'Publish, schedule, unpublish, archive and delete articles',
  'media:write': 'Upload, describe and delete media',
  'comments:moderate': 'Moderate comments',
  'taxonomy:write': 'Manage sections and tags',
  'pages:write': 'Manage pages and menus',
  'plans:write': 'Plan stories, assign them and start their drafts',
  'alerts:write': 'Publish and end breaking-news alerts',
  'live:write': 'Run live coverage: start and end it, post, edit and delete updates',
  'corrections:write': 'Add and withdraw corrections on articles',
};

export const API_KEY_KINDS = ['CONTENT', 'ADMIN'] as const;

const label = z.string().trim().min(1, 'Give the key a label, such as the app that will use it.').max(80, 'Keep the label under 80 characters.');

/**
 * The "Create key" form in /admin/api-keys, checked in the server action. A content key reads
 * published content; an admin key also acts as a staff user within its scopes.
 */
export const createApiKeySchema = z
  .object({
    label,
    kind: z.enum(API_KEY_KINDS, { error: 'Choose the key type.' }).default('CONTENT'),
    actsAsId: z
      .string()
      .trim()
      .max(40)
      .optional()
      .transform((v) => v || undefined),
    scopes: formList(z.enum(ADMIN_SCOPES, { error: 'Choose scopes from the list.' })),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== 'ADMIN') return;
    if (!v.actsAsId) ctx.addIssue({ code: 'custom', path: ['actsAsId'], message: 'Choose the staff user the key acts as.' });
    if (!v.scopes.length) ctx.addIssue({ code: 'custom', path: ['scopes'], message: 'Tick at least one scope.' });
  });
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

/** "Revoke" in the keys table. */
export const revokeApiKeySchema = z.object({ id: z.string().trim().min(1).max(40) });
