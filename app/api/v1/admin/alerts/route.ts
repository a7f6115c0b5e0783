// GET, POST /api/v1/admin/alerts — recent breaking-news alerts, newest first; publish one (alerts:write; editors)
import { listRecentAlerts, publishAlert } from '@/lib/alerts';
import { parseInput, parseJsonBody, withAdminKey } from '@/lib/api/admin-handler';
import { AppError } from '@/lib/errors';
import { adminAlertSchema } from '@/lib/validation/admin-api';
import { publishAlertFormSchema } from '@/lib/validation/alerts';

const toJson = (a: { id: string; text: string; link: string | null; level: string; startsAt: Date | string; endsAt: Date | string | null }) => ({
  id: a.id,
  text: a.text,
  link: a.link,
  level: a.level,
  startsAt: new Date(a.startsAt).toISOString(),
  endsAt: a.endsAt ? new Date(a.endsAt).toISOString() : null,
});

export const GET = withAdminKey({ scope: 'alerts:write' }, async ({ user }) => ({ data: (await listRecentAlerts(user)).map(toJson) }));

export const POST = withAdminKey({ scope: 'alerts:write', body: { accept: ['json'] } }, async ({ body, user }) => {
  const { startsAt, endsAt, ...fields } = parseJsonBody(adminAlertSchema, body);
  // The dashboard form's own rules for the words, the link and the level.
  const { text, link, level } = parseInput(publishAlertFormSchema, fields);
  const [start, end] = [startsAt ? new Date(startsAt) : undefined, endsAt ? new Date(endsAt) : undefined];
  if (end && end <= new Date()) throw new AppError('unprocessable', 'Check the end time.', { endsAt: ['Choose an end time in the future.'] });
  return { status: 201, data: toJson(await publishAlert({ text, link, level, startsAt: start, endsAt: end }, user)) };
});
