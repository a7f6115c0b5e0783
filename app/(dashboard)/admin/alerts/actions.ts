'use server';

import { revalidatePath } from 'next/cache';
import { AppError, parseForm, runAction, type ActionState } from '@/lib/actions';
import { endAlert, publishAlert } from '@/lib/alerts';
import { requireRole } from '@/lib/auth/session';
import { getSite } from '@/lib/site';
import { zonedWallTimeToDate } from '@/lib/time-zone';
import { endAlertFormSchema, publishAlertFormSchema } from '@/lib/validation/alerts';

// /admin/alerts. The domain tells open pages; this refreshes only this screen.

/** Publish alert: now or at the start time, until the end time or "End alert". */
export async function publishAlertAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    const { startAt, endAt, ...input } = parseForm(publishAlertFormSchema, form);
    const { timeZone } = await getSite();
    const startsAt = startAt ? zonedWallTimeToDate(startAt, timeZone) : undefined;
    const endsAt = endAt ? zonedWallTimeToDate(endAt, timeZone) : undefined;
    if (startsAt === null) throw new AppError('unprocessable', 'Check the start time.', { startAt: ['Choose a valid start time.'] });
    if (endsAt === null || (endsAt && endsAt <= new Date())) throw new AppError('unprocessable', 'Check the end time.', { endAt: ['Choose an end time in the future.'] });
    const alert = await publishAlert({ ...input, startsAt, endsAt }, user);
    revalidatePath('/admin/alerts');
    return { ok: true, message: new Date(alert.startsAt) > new Date() ? 'Alert scheduled.' : 'Alert published. It is showing on every page.' };
  });
}

/** End alert: it leaves every open page. */
export async function endAlertAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    const { alertId } = parseForm(endAlertFormSchema, form);
    await endAlert(alertId, user);
    revalidatePath('/admin/alerts');
    return { ok: true, message: 'Alert ended.' };
  });
}
