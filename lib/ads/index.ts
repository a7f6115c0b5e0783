import 'server-only';
import { db } from '@/lib/db';
import { safeAdUrl, sanitizeAdHtml } from './creative';
import { isAdSlotLive } from './window';

export type AdPlacement = 'HEADER' | 'AFTER_PARAGRAPH' | 'SIDEBAR' | 'FOOTER';

/** A slot ready to render: the creative is either a sanitised HTML fragment or an image with a link. */
export type LiveAdSlot = {
  id: string;
  name: string;
  placement: AdPlacement;
  paragraph: number | null;
  width: number;
  height: number;
  html: string | null;
  imageUrl: string | null;
  linkUrl: string | null;
};

/** Slots running at `now`, creatives sanitised; a slot with nothing safe left to show is dropped. */
export async function listActiveAdSlots(now = new Date()): Promise<LiveAdSlot[]> {
  // Sites run a handful of slots, so the date window is applied here, by the same tested
  // predicate the dashboard can use, rather than duplicated as a query filter.
  const rows = await db.adSlot.findMany({
    where: { active: true },
    orderBy: [{ placement: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, name: true, placement: true, paragraph: true, width: true, height: true, html: true, imageUrl: true, linkUrl: true, active: true, startsAt: true, endsAt: true },
  });
  return rows
    .filter((r) => isAdSlotLive(r, now))
    .map((r) => ({
      id: r.id,
      name: r.name,
      placement: r.placement,
      paragraph: r.paragraph,
      width: r.width,
      height: r.height,
      html: r.html ? sanitizeAdHtml(r.html) || null : null,
      imageUrl: safeAdUrl(r.imageUrl),
      linkUrl: safeAdUrl(r.linkUrl),
    }))
    .filter((s) => s.html || s.imageUrl);
}
