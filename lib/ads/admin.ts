import 'server-only';
import { recordAudit } from '@/lib/audit';
import { hasRole } from '@/lib/auth/roles';
import { invalidateAds } from '@/lib/cache';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getSiteSettings } from '@/lib/settings';
import { zonedWallTimeToDate } from '@/lib/time-zone';
import type { StaffUser } from '@/lib/users';
import type { AdSlotInput } from '@/lib/validation/ads';
import type { AdPlacement } from './index';
import { safeAdUrl, sanitizeAdHtml } from './creative';
import { adSlotStatus, type AdSlotStatus } from './window';

export type AdminAdSlot = {
  id: string;
  name: string;
  placement: AdPlacement;
  paragraph: number | null;
  imageUrl: string | null;
  linkUrl: string | null;
  html: string | null;
  width: number;
  height: number;
  startsAt: Date | null;
  endsAt: Date | null;
  active: boolean;
  status: AdSlotStatus;
  updatedAt: Date;
};

const select = {
  id: true,
  name: true,
  placement: true,
  paragraph: true,
  imageUrl: true,
  linkUrl: true,
  html: true,
  width: true,
  height: true,
  startsAt: true,
  endsAt: true,
  active: true,
  updatedAt: true,
} as const;

function requireAdmin(user: StaffUser) {
  if (!hasRole(user.role, 'ADMIN')) throw new AppError('forbidden', 'Only admins manage ad slots.');
}

/** Every ad slot with its status at `now`, placement by placement (admins only). */
export async function listAdSlotsForAdmin(user: StaffUser, now = new Date()): Promise<AdminAdSlot[]> {
  requireAdmin(user);
  const rows = await db.adSlot.findMany({ orderBy: [{ placement: 'asc' }, { createdAt: 'asc' }], select });
  return rows.map((r) => ({ ...r, status: adSlotStatus(r, now) }));
}

/** One slot for the edit form (admins only). */
export async function getAdSlotForAdmin(id: string, user: StaffUser, now = new Date()): Promise<AdminAdSlot> {
  requireAdmin(user);
  const row = await db.adSlot.findUnique({ where: { id }, select });
  if (!row) throw new AppError('not_found', 'This ad slot no longer exists.');
  return { ...row, status: adSlotStatus(row, now) };
}

/** What a save stored: the HTML after sanitising, and whether sanitising removed anything. */
export type SavedAdSlot = { id: string; name: string; html: string | null; htmlChanged: boolean };

/** Parsed form values (adSlotFormSchema) -> columns: wall times read in the site's zone, HTML sanitised (unsafe parts removed, never stored). */
function toColumns(input: AdSlotInput, timeZone: string) {
  const at = (key: 'startsAt' | 'endsAt') => {
    if (!input[key]) return null;
    const d = zonedWallTimeToDate(input[key], timeZone);
    if (!d) throw new AppError('unprocessable', 'Some fields need attention.', { [key]: ['Enter a date and time, e.g. 2026-12-01 09:00.'] });
    return d;
  };
  const startsAt = at('startsAt');
  const endsAt = at('endsAt');
  if (startsAt && endsAt && endsAt <= startsAt) throw new AppError('unprocessable', 'Some fields need attention.', { endsAt: ['The end must be after the start.'] });
  if (input.html === null && !input.imageUrl) throw new AppError('unprocessable', 'Some fields need attention.', { imageUrl: ['Enter the image URL, starting with https://.'] });
  const html = input.html === null ? null : sanitizeAdHtml(input.html);
  if (html === '') {
    throw new AppError('unprocessable', 'Some fields need attention.', {
      html: ['Nothing in this HTML can be shown: scripts, styles, frames, forms and event handlers are removed. Use text, links (https) and images.'],
    });
  }
  return {
    columns: {
      name: input.name,
      placement: input.placement,
      paragraph: input.paragraph,
      imageUrl: input.imageUrl ? safeAdUrl(input.imageUrl) : null,
      linkUrl: input.linkUrl ? safeAdUrl(input.linkUrl) : null,
      html,
      width: input.width,
      height: input.height,
      startsAt,
      endsAt,
      active: input.active,
    },
    htmlChanged: input.html !== null && html !== input.html.trim(),
  };
}

/** Creates an ad slot (admins only), audited. Its start and end are wall-clock times in `timeZone` (the site's by default). */
export async function createAdSlot(input: AdSlotInput, user: StaffUser, timeZone?: string): Promise<SavedAdSlot> {
  requireAdmin(user);
  const { columns, htmlChanged } = toColumns(input, timeZone ?? (await getSiteSettings()).timeZone);
  const saved = await db.$transaction(async (tx) => {
    const row = await tx.adSlot.create({ data: columns, select: { id: true, name: true, html: true } });
    await recordAudit(tx, { actorId: user.id, action: 'ad.create', entityType: 'ad', entityId: row.id, summary: row.name, data: { after: columns } });
    return { ...row, htmlChanged };
  });
  await invalidateAds();
  return saved;
}

/** Replaces an ad slot's fields (admins only), audited with the previous values. */
export async function updateAdSlot(id: string, input: AdSlotInput, user: StaffUser, timeZone?: string): Promise<SavedAdSlot> {
  requireAdmin(user);
  const { columns, htmlChanged } = toColumns(input, timeZone ?? (await getSiteSettings()).timeZone);
  const saved = await db.$transaction(async (tx) => {
    const before = await tx.adSlot.findUnique({ where: { id }, select });
    if (!before) throw new AppError('not_found', 'This ad slot no longer exists. It may have been deleted.');
    const row = await tx.adSlot.update({ where: { id }, data: columns, select: { id: true, name: true, html: true } });
    await recordAudit(tx, { actorId: user.id, action: 'ad.update', entityType: 'ad', entityId: id, summary: row.name, data: { before, after: columns } });
    return { ...row, htmlChanged };
  });
  await invalidateAds();
  return saved;
}

/** Deletes an ad slot for good (admins only), audited with what it was. */
export async function deleteAdSlot(id: string, user: StaffUser): Promise<{ name: string }> {
  requireAdmin(user);
  const deleted = await db.$transaction(async (tx) => {
    const before = await tx.adSlot.findUnique({ where: { id }, select });
    if (!before) throw new AppError('not_found', 'This ad slot no longer exists. It may have been deleted already.');
    await tx.adSlot.delete({ where: { id } });
    await recordAudit(tx, { actorId: user.id, action: 'ad.delete', entityType: 'ad', entityId: id, summary: before.name, data: { before } });
    return { name: before.name };
  });
  await invalidateAds();
  return deleted;
}
