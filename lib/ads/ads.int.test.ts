import { describe, expect, it } from 'vitest';
import { listActiveAdSlots } from '@/lib/ads';
import { db } from '@/lib/db';
import { unique } from '@/test/fixtures';

const now = new Date('2026-11-29T12:00:00Z');
const day = 86_400_000;

async function slot(data: Partial<Parameters<typeof db.adSlot.create>[0]['data']> = {}) {
  return db.adSlot.create({ data: { name: `Slot ${unique()}`, placement: 'SIDEBAR', html: '<p>House ad</p>', ...data }, select: { id: true } });
}

describe('listActiveAdSlots', () => {
  it('returns active slots inside their dates and nothing else', async () => {
    const open = await slot();
    const running = await slot({ startsAt: new Date(now.getTime() - day), endsAt: new Date(now.getTime() + day) });
    const future = await slot({ startsAt: new Date(now.getTime() + day) });
    const ended = await slot({ endsAt: new Date(now.getTime() - 1) });
    const off = await slot({ active: false });
    const ids = (await listActiveAdSlots(now)).map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([open.id, running.id]));
    for (const hidden of [future, ended, off]) expect(ids).not.toContain(hidden.id);
  });

  it('sanitises HTML creatives and drops unsafe URLs before they reach a page', async () => {
    const hostile = await slot({
      placement: 'AFTER_PARAGRAPH',
      paragraph: 2,
      html: '<p onclick="x()">Buy</p><script>steal()</script><a href="javascript:alert(1)">go</a>',
      linkUrl: 'javascript:alert(1)',
    });
    const image = await slot({ placement: 'HEADER', html: null, imageUrl: 'https://ads.example/banner.png', linkUrl: 'https://ads.example/' });
    const empty = await slot({ html: '<script>only()</script>' });
    const slots = await listActiveAdSlots(now);
    const h = slots.find((s) => s.id === hostile.id)!;
    expect(h).toMatchObject({ placement: 'AFTER_PARAGRAPH', paragraph: 2, linkUrl: null });
    expect(h.html).toContain('<p>Buy</p>');
    expect(h.html).not.toMatch(/script|onclick|javascript:/i);
    expect(slots.find((s) => s.id === image.id)).toMatchObject({ imageUrl: 'https://ads.example/banner.png', linkUrl: 'https://ads.example/', html: null });
    // Nothing safe is left to show, so the slot is left out rather than rendered empty.
    expect(slots.map((s) => s.id)).not.toContain(empty.id);
  });
});
