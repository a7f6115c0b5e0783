import 'server-only';
import { env } from '@/lib/env';
import type { StaffUser } from '@/lib/users';
import { SETTINGS_GROUPS, type CommentSettings, type SettingsInput } from './groups';
import { getSettings, saveSettings } from './store';

export type { CommentSettings };

/** The rules with nothing set. */
export const DEFAULT_COMMENT_SETTINGS: CommentSettings = SETTINGS_GROUPS.comments.read.parse({});

/** The too-fast threshold in force: env COMMENT_MIN_SECONDS when set, else the admin setting. */
export function effectiveMinSeconds(settings: Pick<CommentSettings, 'minSeconds'>): { seconds: number; fromEnv: boolean } {
  return env.COMMENT_MIN_SECONDS !== undefined ? { seconds: env.COMMENT_MIN_SECONDS, fromEnv: true } : { seconds: settings.minSeconds, fromEnv: false };
}

/** The comment rules (admin settings) with defaults for anything unset or invalid. */
export function getCommentSettings(): Promise<CommentSettings> {
  return getSettings('comments');
}

/** Saves the comment rules (admins only; null: the system), audited; article pages follow at once. */
export function saveCommentSettings(input: SettingsInput<'comments'>, user: StaffUser | null): Promise<CommentSettings> {
  return saveSettings('comments', input, user);
}
