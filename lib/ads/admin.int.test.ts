import { beforeAll, describe, expect, it } from 'vitest';
import { listActiveAdSlots } from '@/lib/ads';
import { createAdSlot, deleteAdSlot, getAdSlotForAdmin, listAdSlotsForAdmin, updateAdSlot } from '@/lib/ads/admin';
import { db } from '@/lib/db';
import type { StaffUser } from '@/lib/users';
import { adSlotFormSchema } from '@/lib/validation/ads';
import { createUser, unique } from '@/test/fixtures';

let admin: StaffUser;
let editor: StaffUser;

beforeAll(async () => {
  admin = await createUser('ADMIN');
  editor = await createUser('EDITOR');
});

const form = (over: Record<string, string | undefined> = {}) =>
  adSlotFormSchema.parse({
    name: `Slot ${unique()}`,
    placement: 'SIDEBAR',
    creativeType: 'image',
    imageUrl: 'https://ads.example/banner.png',
    linkUrl: 'https://ads.example/',
    width: '300',
    height: '250',
    active: 'on',
    ...over,
  });

const auditFor = (entityId: string) => db.auditLog.findMany({ where: { entityId, entityType: 'ad' }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true } });

describe('ad slot permissions', () => {
  it('refuses every ad action to an editor and changes nothing', async () => {
    const existing = await createAdSlot(form(), admin, 'Europe/London');
    const countBefore = await db.adSlot.count();
    await expect(listAdSlotsForAdmin(editor)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getAdSlotForAdmin(existing.id, editor)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createAdSlot(form(), editor, 'Europe/London')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateAdSlot(existing.id, form({ name: 'Hijacked' }), editor, 'Europe/London')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deleteAdSlot(existing.id, editor)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.adSlot.count()).toBe(countBefore);
    expect((await getAdSlotForAdmin(existing.id, admin)).name).not.toBe('Hijacked');
    expect(await auditFor(existing.id)).toEqual([{ action: 'ad.create', actorId: admin.id }]);
  });
});

describe('admins manage ad slots', () => {
  it('creates, updates and deletes a slot, each audited, with dates read in the site time zone', async () => {
    const created = await createAdSlot(form({ startsAt: '2026-07-01T09:00', endsAt: '2026-07-02T09:00' }), admin, 'Europe/Paris');
    const row = await getAdSlotForAdmin(created.id, admin, new Date('2026-07-01T12:00:00Z'));
    // 09:00 in Paris in summer is 07:00 UTC.
    expect(row.startsAt?.toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(row.endsAt?.toISOString()).toBe('2026-07-02T07:00:00.000Z');
    expect(row.status).toBe('live');
    expect((await getAdSlotForAdmin(created.id, admin, new Date('2026-07-03T00:00:00Z'))).status).toBe('expired');
    expect((await getAdSlotForAdmin(created.id, admin, new Date('2026-06-30T00:00:00Z'))).status).toBe('scheduled');

    await updateAdSlot(created.id, form({ name: 'Renamed', placement: 'AFTER_PARAGRAPH', paragraph: '3', active: undefined }), admin, 'Europe/Paris');
    const updated = await getAdSlotForAdmin(created.id, admin);
    expect(updated).toMatchObject({ name: 'Renamed', placement: 'AFTER_PARAGRAPH', paragraph: 3, active: false, status: 'inactive', startsAt: null, endsAt: null });

    await deleteAdSlot(created.id, admin);
    await expect(getAdSlotForAdmin(created.id, admin)).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteAdSlot(created.id, admin)).rejects.toMatchObject({ code: 'not_found' });
    expect(await auditFor(created.id)).toEqual([
      { action: 'ad.create', actorId: admin.id },
      { action: 'ad.update', actorId: admin.id },
      { action: 'ad.delete', actorId: admin.id },
    ]);
  });

  it('sanitises an HTML creative before storing it and says so', async () => {
    const saved = await createAdSlot(
      form({ creativeType: 'html', html: '<p onclick="x()">Join <a href="https://example.com/join">now</a></p><script>steal()</script>', imageUrl: undefined, linkUrl: undefined }),
      admin,
      'Europe/London',
    );
    expect(saved.htmlChanged).toBe(true);
    const stored = await db.adSlot.findUniqueOrThrow({ where: { id: saved.id }, select: { html: true, imageUrl: true } });
    expect(stored.html).toBe('<p>Join <a href="https://example.com/join" rel="sponsored noopener" target="_blank">now</a></p>');
    expect(stored.imageUrl).toBeNull();
    expect((await listActiveAdSlots()).map((s) => s.id)).toContain(saved.id);

    const clean = await createAdSlot(form({ creativeType: 'html', html: '<p>Plain</p>', imageUrl: undefined }), admin, 'Europe/London');
    expect(clean.htmlChanged).toBe(false);
  });

  it('refuses an HTML creative that is nothing but unsafe markup, storing nothing', async () => {
    const before = await db.adSlot.count();
    await expect(createAdSlot(form({ creativeType: 'html', html: '<script>only()</script><iframe src="https://evil.example"></iframe>' }), admin, 'Europe/London')).rejects.toMatchObject({
      code: 'unprocessable',
      details: { html: [expect.stringMatching(/^Nothing in this HTML can be shown/)] },
    });
    expect(await db.adSlot.count()).toBe(before);
  });
});
