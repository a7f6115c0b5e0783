import 'server-only';
import { recordAudit } from '@/lib/audit';
import { hasRole } from '@/lib/auth/roles';
import { invalidateSite, pageTags } from '@/lib/cache';
import { tagMemo } from '@/lib/cache/memo';
// The page cache's shared invalidations (plain JS, see there) carry settings changes too.
import { invalidateTags, startSharing } from '@/lib/cache/shared.mjs';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { StaffUser } from '@/lib/users';
import { SETTINGS_GROUPS, type Settings, type SettingsGroup, type SettingsGroupDefinition, type SettingsInput } from './groups';

// The one settings store. Every render and API request reads settings, so each group is kept in
// this process's memory (one memo for all groups) until it changes. A save marks the group's tag
// `settings:<group>` invalid through the page cache's channel (lib/cache/shared.mjs): at once in
// this process and, with REDIS_URL, in every other instance (Redis pub/sub). A memo loaded
// before its group's latest invalidation is stale and read again, so there is no timer.

const remembered = tagMemo<SettingsGroup, unknown>({ tags: (group) => [pageTags.settings(group)], global: 'broadsheetSettings' });

const definition = (group: SettingsGroup): SettingsGroupDefinition => SETTINGS_GROUPS[group];
const keysOf = (d: SettingsGroupDefinition) => [d.key, ...(d.legacy?.keys ?? [])];

/** The group's stored value (its row, or the rows of an older version), before defaults. */
function storedValue(d: SettingsGroupDefinition, rows: { key: string; value: unknown }[]): unknown {
  const byKey = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  if (d.key in byKey) return byKey[d.key];
  return d.legacy && rows.length ? d.legacy.value(byKey) : undefined;
}

async function load<G extends SettingsGroup>(group: G): Promise<Settings<G>> {
  const d = definition(group);
  const rows = await db.setting.findMany({ where: { key: { in: keysOf(d) } }, select: { key: true, value: true } });
  return d.read.parse(storedValue(d, rows) ?? {}) as Settings<G>;
}

/** A group's settings, with defaults for anything unset or no longer valid; from memory unless it changed. */
export async function getSettings<G extends SettingsGroup>(group: G): Promise<Settings<G>> {
  // Hear other instances' saves (idempotent, nothing without REDIS_URL; the page cache handler usually started it already).
  void startSharing();
  // Dated when the read starts: a save committed while it runs makes it stale at once.
  return remembered(group, () => load(group)) as Promise<Settings<G>>;
}

/**
 * Saves a group (admins only; `actor` null for the system, e.g. a set-up script), audited with the
 * previous value, then refreshes every instance's copy and, for settings readers see, every page.
 */
export async function saveSettings<G extends SettingsGroup>(group: G, input: SettingsInput<G>, actor: StaffUser | null): Promise<Settings<G>> {
  const d = definition(group);
  if (actor && !hasRole(actor.role, 'ADMIN')) throw new AppError('forbidden', d.forbidden);
  const value = d.save.parse(input) as object;
  await db.$transaction(async (tx) => {
    const before = await tx.setting.findMany({ where: { key: { in: keysOf(d) } }, select: { key: true, value: true } });
    await tx.setting.upsert({ where: { key: d.key }, create: { key: d.key, value }, update: { value } });
    if (d.legacy) await tx.setting.deleteMany({ where: { key: { in: d.legacy.keys } } });
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: d.audit,
      entityType: 'setting',
      entityId: d.key,
      summary: d.summary?.(value as never) ?? '',
      data: { before: storedValue(d, before) ?? null, after: value },
    });
  });
  const tag = pageTags.settings(group);
  await (d.shownOnPages ? invalidateSite(tag) : invalidateTags([tag]));
  return d.read.parse(value) as Settings<G>;
}
