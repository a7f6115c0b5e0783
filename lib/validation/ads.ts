import { z } from 'zod';
import { withConfirmBox } from '@/lib/validation/form';

export const AD_PLACEMENTS = ['HEADER', 'AFTER_PARAGRAPH', 'SIDEBAR', 'FOOTER'] as const;
export const AD_PLACEMENT_LABELS: Record<(typeof AD_PLACEMENTS)[number], string> = {
  HEADER: 'Header',
  AFTER_PARAGRAPH: 'After paragraph N',
  SIDEBAR: 'Sidebar',
  FOOTER: 'Footer',
};

const WALL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** An absolute http(s) URL: creatives and their links point at advertisers' servers. */
const httpUrl = (what: string) =>
  z
    .string()
    .trim()
    .max(2000, `Keep the ${what} under 2,000 characters.`)
    .refine((v) => {
      try {
        const u = new URL(v);
        return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname;
      } catch {
        return false;
      }
    }, `Enter the ${what} as a full web address starting with https:// (or http://).`);

const whole = (min: number, max: number, message: string) => z.coerce.number({ message }).int(message).min(min, message).max(max, message);
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

/**
 * The ad slot form (admins). Dates are datetime-local wall-clock values in the site's time zone;
 * lib/ads/admin turns them into instants. The HTML creative is sanitised there, not here.
 */
export const adSlotFormSchema = z
  .object({
    name: z.string({ message: 'Enter a name.' }).trim().min(1, 'Enter a name, e.g. “Membership drive — sidebar”.').max(120, 'Keep the name under 120 characters.'),
    placement: z.enum(AD_PLACEMENTS, { message: 'Choose where the ad appears.' }),
    paragraph: optionalText,
    creativeType: z.enum(['image', 'html'], { message: 'Choose an image with a link, or an HTML creative.' }),
    imageUrl: optionalText,
    linkUrl: optionalText,
    html: optionalText,
    width: whole(20, 2000, 'Enter a width in pixels from 20 to 2000.'),
    height: whole(20, 2000, 'Enter a height in pixels from 20 to 2000.'),
    startsAt: optionalText,
    endsAt: optionalText,
    active: z
      .string()
      .optional()
      .transform((v) => v === 'on'),
  })
  .superRefine((v, ctx) => {
    if (v.placement === 'AFTER_PARAGRAPH') {
      const n = Number(v.paragraph);
      if (!v.paragraph || !Number.isInteger(n) || n < 1 || n > 100) ctx.addIssue({ code: 'custom', path: ['paragraph'], message: 'Enter the paragraph number the ad follows, from 1 to 100.' });
    }
    if (v.creativeType === 'image') {
      if (!v.imageUrl) ctx.addIssue({ code: 'custom', path: ['imageUrl'], message: 'Enter the image URL, starting with https://.' });
      else {
        const r = httpUrl('image URL').safeParse(v.imageUrl);
        if (!r.success) ctx.addIssue({ code: 'custom', path: ['imageUrl'], message: r.error.issues[0]!.message });
      }
      if (!v.linkUrl) ctx.addIssue({ code: 'custom', path: ['linkUrl'], message: 'Enter the link URL readers go to, starting with https://.' });
    } else if (!v.html) {
      ctx.addIssue({ code: 'custom', path: ['html'], message: 'Paste the HTML creative.' });
    } else if (v.html.length > 20_000) {
      ctx.addIssue({ code: 'custom', path: ['html'], message: 'Keep the HTML creative under 20,000 characters.' });
    }
    if (v.linkUrl) {
      const r = httpUrl('link URL').safeParse(v.linkUrl);
      if (!r.success) ctx.addIssue({ code: 'custom', path: ['linkUrl'], message: r.error.issues[0]!.message });
    }
    for (const key of ['startsAt', 'endsAt'] as const) {
      if (v[key] && !WALL_TIME.test(v[key])) ctx.addIssue({ code: 'custom', path: [key], message: 'Enter a date and time, e.g. 2026-12-01 09:00.' });
    }
    if (v.startsAt && v.endsAt && WALL_TIME.test(v.startsAt) && WALL_TIME.test(v.endsAt) && v.endsAt <= v.startsAt) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The end must be after the start.' });
    }
  })
  .transform((v) => ({
    name: v.name,
    placement: v.placement,
    paragraph: v.placement === 'AFTER_PARAGRAPH' ? Number(v.paragraph) : null,
    // Only the chosen creative is kept, so a slot never carries a stale image behind its HTML.
    imageUrl: v.creativeType === 'image' ? v.imageUrl! : null,
    linkUrl: v.linkUrl ?? null,
    html: v.creativeType === 'html' ? v.html! : null,
    width: v.width,
    height: v.height,
    startsAt: v.startsAt ?? null,
    endsAt: v.endsAt ?? null,
    active: v.active,
  }));

export type AdSlotInput = z.output<typeof adSlotFormSchema>;

const adSlotId = z.string().trim().min(1).max(40);
/** The edit form as posted, with the slot's id. */
export const updateAdSlotFormSchema = z.object({ id: adSlotId }).and(adSlotFormSchema);
/** "Delete ad slot" after its confirmation box. */
export const deleteAdSlotFormSchema = withConfirmBox({ id: adSlotId }, 'Tick the box to confirm that the ad slot should be deleted.');
