import 'server-only';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit';
import { hasRole } from '@/lib/auth/roles';
import { invalidateSite } from '@/lib/cache';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { StaffUser } from '@/lib/users';

/** The admin-editable comment rules, stored as one JSON setting; every field falls back to its default on its own. */
export const COMMENT_SETTINGS_KEY = 'comments.rules';

const wordList = z.array(z.string().trim().toLowerCase().min(1).max(200)).max(1000);

export const commentSettingsSchema = z.object({
  /** Hold a comment with more than this many links. */
  maxLinks: z.coerce.number().int().min(0).max(100).catch(2),
  moderationWords: wordList.catch([]),
  blockWords: wordList.catch([]),
  /** WordPress's "comment author must have a previously approved comment", off by default. */
  autoApproveKnown: z.boolean().catch(false),
  /** How deep replies nest: 1 means no replies. */
  threadDepth: z.coerce.number().int().min(1).max(10).catch(3),
  /** Close comments this many days after publication; 0 keeps them open. */
  closeAfterDays: z.coerce.number().int().min(0).max(3650).catch(0),
  /** A comment sent sooner than this many seconds after its form was served goes to spam; 0 turns the rule off. */
  minSeconds: z.coerce.number().int().min(0).max(3600).catch(3),
});

export type CommentSettings = z.infer<typeof commentSettingsSchema>;

export const DEFAULT_COMMENT_SETTINGS: CommentSettings = commentSettingsSchema.parse({});

/** The too-fast threshold in force: env COMMENT_MIN_SECONDS when set, else the admin setting. */
export function effectiveMinSeconds(settings: Pick<CommentSettings, 'minSeconds'>): { seconds: number; fromEnv: boolean } {
  return env.COMMENT_MIN_SECONDS !== undefined ? { seconds: env.COMMENT_MIN_SECONDS, fromEnv: true } : { seconds: settings.minSeconds, fromEnv: false };
}

/** The comment rules with defaults for anything unset or invalid. */
export async function getCommentSettings(): Promise<CommentSettings> {
  const row = await db.setting.findUnique({ where: { key: COMMENT_SETTINGS_KEY }, select: { value: true } });
  const value = row?.value && typeof row.value === 'object' ? row.value : {};
  return commentSettingsSchema.parse(value);
}

/** Saves the comment rules (admins only), with an audit entry holding the previous values. */
export async function saveCommentSettings(input: CommentSettings, user: StaffUser): Promise<CommentSettings> {
  if (!hasRole(user.role, 'ADMIN')) throw new AppError('forbidden', 'Only admins can change the comment settings.');
  const value = commentSettingsSchema.parse(input);
  await db.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: COMMENT_SETTINGS_KEY }, select: { value: true } });
    await tx.setting.upsert({ where: { key: COMMENT_SETTINGS_KEY }, create: { key: COMMENT_SETTINGS_KEY, value }, update: { value } });
    await recordAudit(tx, { actorId: user.id, action: 'settings.comments', entityType: 'setting', entityId: COMMENT_SETTINGS_KEY, data: { before: before?.value ?? null, after: value } });
  });
  // Article pages show whether comments are open and how deep replies go.
  await invalidateSite();
  return value;
}
