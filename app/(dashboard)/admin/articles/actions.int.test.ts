// The article server actions as the editor calls them, against a real database. Only the
// session (no request here) and Next's path revalidation (no server here) are stood in for.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { getSiteSettings, saveSettings } from '@/lib/settings';
import type { StaffUser } from '@/lib/users';
import { createArticle, createUser } from '@/test/fixtures';

const session = vi.hoisted(() => ({ user: null as StaffUser | null }));
vi.mock('@/lib/auth/session', () => ({
  requireRole: async () => {
    if (!session.user) throw new Error('no user signed in for this test');
    return session.user;
  },
}));
vi.mock('next/cache', async (original) => ({ ...(await original<typeof import('next/cache')>()), revalidatePath: () => {}, revalidateTag: () => {} }));

const { saveArticleAction, saveArticleDetailsAction } = await import('./actions');

let editor: StaffUser;
let colleague: StaffUser;

function formData(fields: Record<string, string | string[]>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) form.append(k, one);
  return form;
}

const setTimeZone = async (timeZone: string) => {
  await saveSettings('site', { ...(await getSiteSettings()), timeZone }, null);
};

beforeAll(async () => {
  [editor, colleague] = await Promise.all([createUser('EDITOR', 'Edna Early'), createUser('EDITOR', 'Lou Later')]);
  // Not London, so a time read or shown in the default zone cannot pass for the site's.
  await setTimeZone('America/New_York');
});

afterAll(async () => {
  await setTimeZone('Europe/London');
});

describe('scheduling in the site’s time zone (admin settings)', () => {
  it('reads "Publish at" in the configured zone and says the time in that zone', async () => {
    session.user = editor;
    const year = new Date().getUTCFullYear() + 1;
    const result = await saveArticleAction(
      { ok: false },
      formData({ intent: 'schedule', title: 'Harbour lights festival', body: 'Boats, lanterns and a brass band.', sectionId: '', tags: '', heroImageId: '', publishAt: `${year}-01-15T09:30` }),
    );
    expect(result).toMatchObject({ ok: true, message: `Scheduled for 15 Jan ${year}, 09:30 (America/New_York time).` });
    // 09:30 in New York in January (EST, UTC−5) is 14:30 UTC; London's reading would be 09:30 UTC.
    const stored = await db.article.findUniqueOrThrow({ where: { id: result.data!.id }, select: { status: true, scheduledAt: true } });
    expect(stored).toEqual({ status: 'SCHEDULED', scheduledAt: new Date(`${year}-01-15T14:30:00Z`) });
  });
});

describe('details panel action', () => {
  it('answers a stale save with the details as saved now, who saved them, and saves on top once told the new version', async () => {
    const a = await createArticle({ status: 'DRAFT', publishedAt: null, authorIds: [editor.id] });
    const details = (who: StaffUser, seoTitle: string, detailsVersion: string) =>
      formData({ articleId: a.id, authorIds: [who.id], commentsOpen: 'on', seoTitle, seoDescription: '', canonicalUrl: '', socialImageId: '', detailsVersion });

    session.user = editor;
    expect(await saveArticleDetailsAction({ ok: false }, details(editor, 'Early headline', '1'))).toEqual({ ok: true, message: 'Details saved.', data: { detailsVersion: 2 } });

    session.user = colleague;
    const refused = await saveArticleDetailsAction({ ok: false }, details(colleague, 'Later headline', '1'));
    expect(refused).toMatchObject({ ok: false, code: 'conflict', message: expect.stringMatching(/^Edna Early changed these details on .+ \(America\/New_York time\), after you opened them\./) });
    expect(refused.data?.current).toMatchObject({ detailsVersion: 2, seoTitle: 'Early headline', commentsOpen: true, changedBy: 'Edna Early', authors: [{ id: editor.id, label: 'Edna Early' }] });
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id }, select: { seoTitle: true } })).seoTitle).toBe('Early headline');

    // "Keep my details": the same values, now naming the version they were shown.
    expect(await saveArticleDetailsAction({ ok: false }, details(colleague, 'Later headline', '2'))).toMatchObject({ ok: true, data: { detailsVersion: 3 } });
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id }, select: { seoTitle: true } })).seoTitle).toBe('Later headline');

    // A form without the version (an old tab) is refused as invalid, not saved blind.
    expect(await saveArticleDetailsAction({ ok: false }, formData({ articleId: a.id, authorIds: [colleague.id], seoTitle: 'Blind' }))).toMatchObject({
      ok: false,
      code: 'unprocessable',
      fieldErrors: { detailsVersion: expect.any(Array) },
    });
  });
});
