import 'server-only';
import { recordAudit } from '@/lib/audit';
import { hasRole } from '@/lib/auth/roles';
import { invalidateSite } from '@/lib/cache';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { StaffUser } from '@/lib/users';
import { siteSettingsFormSchema, type SiteSettingsInput } from '@/lib/validation/settings';
import { invalidateSiteSettings, SITE_SETTING_KEYS, type SiteSettings } from './index';

/** Saves the site name, time zone and weather city (admins only), audited with the previous values. */
export async function saveSiteSettings(input: SiteSettingsInput, user: StaffUser): Promise<SiteSettings> {
  if (!hasRole(user.role, 'ADMIN')) throw new AppError('forbidden', 'Only admins can change the site settings.');
  const v = siteSettingsFormSchema.parse({ ...input, latitude: String(input.latitude), longitude: String(input.longitude) });
  const k = SITE_SETTING_KEYS;
  const values: [string, string | number][] = [
    [k.name, v.name],
    [k.timeZone, v.timeZone],
    [k.city, v.city],
    [k.latitude, v.latitude],
    [k.longitude, v.longitude],
  ];
  await db.$transaction(async (tx) => {
    const before = await tx.setting.findMany({ where: { key: { in: values.map(([key]) => key) } }, select: { key: true, value: true } });
    for (const [key, value] of values) await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    await recordAudit(tx, {
      actorId: user.id,
      action: 'settings.site',
      entityType: 'setting',
      entityId: 'site',
      summary: `${v.name} · ${v.timeZone} · weather for ${v.city}`,
      data: { before: Object.fromEntries(before.map((r) => [r.key, r.value])), after: Object.fromEntries(values) },
    });
  });
  invalidateSiteSettings();
  // The name, date and weather are in the header of every public page; feeds carry the name.
  await invalidateSite();
  return { name: v.name, timeZone: v.timeZone, weather: { city: v.city, latitude: v.latitude, longitude: v.longitude } };
}
