import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getSiteSettings, getWeatherPlaceSetting } from '@/lib/settings';
import { saveSiteSettings } from '@/lib/settings/site';
import { getSite } from '@/lib/site';
import type { StaffUser } from '@/lib/users';
import { siteSettingsFormSchema } from '@/lib/validation/settings';
import { createUser } from '@/test/fixtures';
import { writeSettingsRow } from '@/test/settings';

let admin: StaffUser;
let editor: StaffUser;

beforeAll(async () => {
  admin = await createUser('ADMIN');
  editor = await createUser('EDITOR');
});

// The files after this one read the site in its default settings (London time), as they found it.
afterAll(() => writeSettingsRow('site', null));

const paris = () => siteSettingsFormSchema.parse({ name: 'Le Broadsheet', timeZone: 'Europe/Paris', city: 'Paris', latitude: '48.8566', longitude: '2.3522' });

describe('site settings', () => {
  it('defaults to Broadsheet, London time and London weather', async () => {
    await writeSettingsRow('site', null);
    expect(await getSiteSettings()).toEqual({ name: 'Broadsheet', timeZone: 'Europe/London', weather: { city: 'London', latitude: 51.5072, longitude: -0.1276 } });
  });

  it('lets only admins save; the readers see the change at once, and it is audited', async () => {
    await expect(saveSiteSettings(paris(), editor)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await getSiteSettings()).name).toBe('Broadsheet');

    await saveSiteSettings(paris(), admin);
    expect(await getWeatherPlaceSetting()).toEqual({ city: 'Paris', latitude: 48.8566, longitude: 2.3522 });
    expect(await getSite()).toMatchObject({ name: 'Le Broadsheet', timeZone: 'Europe/Paris' });
    const audit = await db.auditLog.findFirst({ where: { action: 'settings.site', actorId: admin.id }, select: { summary: true } });
    expect(audit?.summary).toBe('Le Broadsheet · Europe/Paris · weather for Paris');
  });

  it('falls back per field when a stored value is no longer valid', async () => {
    const stored = await db.setting.findUniqueOrThrow({ where: { key: 'site' }, select: { value: true } });
    const value = stored.value as { weather: object };
    await writeSettingsRow('site', { ...value, timeZone: 'Mars/Olympus_Mons', weather: { ...value.weather, latitude: 123 } });
    expect(await getSiteSettings()).toMatchObject({ name: 'Le Broadsheet', timeZone: 'Europe/London', weather: { city: 'Paris', latitude: 51.5072, longitude: 2.3522 } });
  });

  it('reads the rows of an older version until the first save, which replaces them', async () => {
    await writeSettingsRow('site', null);
    const legacy = { 'site.name': 'The Old Gazette', 'site.timeZone': 'America/Chicago', 'weather.city': 'Chicago', 'weather.latitude': 41.88, 'weather.longitude': -87.63 };
    for (const [key, value] of Object.entries(legacy)) await db.setting.create({ data: { key, value } });
    await writeSettingsRow('site', null);
    expect(await getSiteSettings()).toEqual({ name: 'The Old Gazette', timeZone: 'America/Chicago', weather: { city: 'Chicago', latitude: 41.88, longitude: -87.63 } });

    await saveSiteSettings(paris(), admin);
    expect(await db.setting.count({ where: { key: { in: Object.keys(legacy) } } })).toBe(0);
    const audit = await db.auditLog.findFirst({ where: { action: 'settings.site', actorId: admin.id }, orderBy: { createdAt: 'desc' }, select: { data: true } });
    expect(audit?.data).toMatchObject({ before: { name: 'The Old Gazette', weather: { city: 'Chicago' } }, after: { name: 'Le Broadsheet' } });
    expect((await getSiteSettings()).name).toBe('Le Broadsheet');
  });

  it('validates the form with messages that say what to enter', () => {
    const r = siteSettingsFormSchema.safeParse({ name: ' ', timeZone: 'Europe/Londn', city: '', latitude: '91', longitude: 'east' });
    expect(r.success).toBe(false);
    expect(Object.fromEntries(r.error!.issues.map((i) => [String(i.path[0]), i.message]))).toEqual({
      name: 'Enter the site name.',
      timeZone: 'This is not a time zone we know. Use an IANA name such as Europe/London or America/New_York.',
      city: 'Enter the city name shown beside the weather.',
      latitude: 'The latitude must be between -90 and 90.',
      longitude: 'Enter the longitude as a number, e.g. 2.3522.',
    });
    expect(siteSettingsFormSchema.parse({ name: 'X', timeZone: 'UTC', city: 'Null Island', latitude: '0', longitude: '−0,5' })).toMatchObject({ latitude: 0, longitude: -0.5 });
  });
});
