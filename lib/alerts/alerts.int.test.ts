import { beforeAll, describe, expect, it } from 'vitest';
import { endAlert, getAlertsForReaders, getCurrentAlert, publishAlert } from '@/lib/alerts';
import { db } from '@/lib/db';
import { onLiveEvent, type LiveEvent } from '@/lib/live/hub.mjs';
import type { StaffUser } from '@/lib/users';
import { newWebhookSecret, sealWebhookSecret } from '@/lib/webhooks/secrets';
import { createUser } from '@/test/fixtures';

let editor: StaffUser;
let author: StaffUser;

beforeAll(async () => {
  [editor, author] = await Promise.all([createUser('EDITOR'), createUser('AUTHOR')]);
});

const minutes = (n: number) => new Date(Date.now() + n * 60_000);

describe('breaking-news alerts', () => {
  it('publishes an alert that is live at once, tells open pages, audits it and queues alert.published', async () => {
    const hook = await db.webhook.create({ data: { url: 'https://example.com/hook', events: ['alert.published'], secret: sealWebhookSecret(newWebhookSecret()) }, select: { id: true } });
    const heard: LiveEvent[] = [];
    const stop = onLiveEvent((e) => heard.push(e));
    const alert = await publishAlert({ text: 'Storm warning for the coast', link: '/articles/storm', level: 'BREAKING' }, editor);
    stop();

    expect(await getCurrentAlert()).toEqual(alert);
    expect(heard).toEqual([expect.objectContaining({ topic: 'site', type: 'alerts', data: { alerts: [alert] } })]);
    expect(await db.auditLog.count({ where: { entityId: alert.id, action: 'alert.published', actorId: editor.id } })).toBe(1);
    const deliveries = await db.webhookDelivery.findMany({ where: { webhookId: hook.id }, select: { event: true } });
    expect(deliveries.map((d) => d.event)).toEqual(['alert.published']);
    await db.webhook.delete({ where: { id: hook.id } });
  });

  it('keeps at most one alert live: a new one ends the last', async () => {
    const first = await publishAlert({ text: 'First', level: 'DEVELOPING' }, editor);
    const second = await publishAlert({ text: 'Second', level: 'LIVE' }, editor);
    expect((await getCurrentAlert())?.id).toBe(second.id);
    const ended = await db.breakingAlert.findUniqueOrThrow({ where: { id: first.id }, select: { endsAt: true } });
    expect(ended.endsAt).not.toBeNull();
  });

  it('schedules an alert for later and hands readers both the live and the next one', async () => {
    const live = await publishAlert({ text: 'Now', level: 'BREAKING' }, editor);
    const later = await publishAlert({ text: 'Later', level: 'DEVELOPING', startsAt: minutes(30), endsAt: minutes(60) }, editor);
    expect((await getCurrentAlert())?.id).toBe(live.id);
    const { alerts } = await getAlertsForReaders();
    expect(alerts.map((a) => a.id)).toEqual([live.id, later.id]);
    // The live one gives way when the scheduled one starts.
    expect(alerts[0]!.endsAt).toBe(later.startsAt);
  });

  it('ends an alert on request, audited, and it leaves the pages', async () => {
    const alert = await publishAlert({ text: 'Road closed', level: 'BREAKING' }, editor);
    const heard: LiveEvent[] = [];
    const stop = onLiveEvent((e) => heard.push(e));
    await endAlert(alert.id, editor);
    stop();
    expect(await getCurrentAlert()).toBeNull();
    expect(heard.at(-1)?.data).toEqual({ alerts: expect.not.arrayContaining([expect.objectContaining({ id: alert.id })]) });
    expect(await db.auditLog.count({ where: { entityId: alert.id, action: 'alert.ended' } })).toBe(1);
  });

  it('refuses authors, an end before the start and unknown alerts, changing nothing', async () => {
    const before = await db.breakingAlert.count();
    await expect(publishAlert({ text: 'x', level: 'BREAKING' }, author)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(publishAlert({ text: 'x', level: 'BREAKING', startsAt: minutes(10), endsAt: minutes(5) }, editor)).rejects.toMatchObject({ code: 'unprocessable' });
    await expect(endAlert('missing', editor)).rejects.toMatchObject({ code: 'not_found' });
    expect(await db.breakingAlert.count()).toBe(before);
  });
});
