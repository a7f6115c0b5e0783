// Settings rows written straight to the database, as another instance (or an older version)
// would leave them, followed by the invalidation that instance's save would have sent.
import { pageTags } from '@/lib/cache';
import { invalidateTags } from '@/lib/cache/shared.mjs';
import { db } from '@/lib/db';
import { SETTINGS_GROUPS, type SettingsGroup } from '@/lib/settings/groups';

/** Stores `value` as the group's row (null deletes it) and drops every copy of the group. */
export async function writeSettingsRow(group: SettingsGroup, value: object | null): Promise<void> {
  const key = SETTINGS_GROUPS[group].key;
  if (value === null) await db.setting.deleteMany({ where: { key } });
  else await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  await invalidateTags([pageTags.settings(group)]);
}
