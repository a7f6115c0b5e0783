// The planning server actions as the screens call them, against a real database. Only the
// session lookup (no request here) and Next's path revalidation (no server here) are stood in for:
// the role rule is the real one (hasRole), as requireRole applies it.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { hasRole, type Role } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { StaffUser } from '@/lib/users';
import { createUser } from '@/test/fixtures';

const session = vi.hoisted(() => ({ user: null as StaffUser | null }));
vi.mock('@/lib/auth/session', () => ({
  requireRole: async (min: Role) => {
    if (!session.user) throw new AppError('unauthorized', 'Your session has ended. Sign in again to continue.');
    if (!hasRole(session.user.role, min)) throw new AppError('forbidden', 'Your role does not allow this action.');
    return session.user;
  },
}));
vi.mock('next/cache', async (original) => ({ ...(await original<typeof import('next/cache')>()), revalidatePath: () => {}, revalidateTag: () => {} }));

const { createPlanAction, deletePlanAction, startDraftAction, updatePlanAction, updatePlanProgressAction } = await import('./actions');

let editor: StaffUser;
let writer: StaffUser;
let contributor: StaffUser;

function formData(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

/** Runs an action that redirects on success; returns where it went. */
async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    const digest = String((e as { digest?: unknown }).digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT')) return digest.split(';')[2]!;
    throw e;
  }
  throw new Error('the action did not redirect');
}

const planFields = (over: Record<string, string> = {}) => ({ headline: 'Council budget vote', assigneeId: '', sectionId: '', targetWords: '', due: '', notes: '', status: 'IDEA', ...over });

beforeAll(async () => {
  [editor, writer, contributor] = await Promise.all([createUser('EDITOR'), createUser('AUTHOR'), createUser('CONTRIBUTOR')]);
});

describe('planning actions', () => {
  it('refuses plan changes from writers, whatever the form says', async () => {
    session.user = contributor;
    const headline = `Refused ${Date.now()}`;
    expect(await createPlanAction({ ok: false }, formData(planFields({ headline })))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await db.storyPlan.count({ where: { headline } })).toBe(0);

    session.user = editor;
    const where = await redirectOf(() => createPlanAction({ ok: false }, formData(planFields({ headline, assigneeId: contributor.id }))));
    const planId = /\/admin\/planning\/([^?]+)\?saved=created$/.exec(where)![1]!;

    session.user = contributor;
    expect(await updatePlanAction({ ok: false }, formData({ ...planFields({ headline: 'Taken over' }), planId }))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await deletePlanAction({ ok: false }, formData({ planId }))).toMatchObject({ ok: false, code: 'forbidden' });
    session.user = writer;
    expect(await updatePlanProgressAction({ ok: false }, formData({ planId, status: 'WRITING', notes: '' }))).toMatchObject({ ok: false, code: 'not_found' });
    expect(await startDraftAction({ ok: false }, formData({ planId }))).toMatchObject({ ok: false, code: 'not_found' });
    expect(await db.storyPlan.findUniqueOrThrow({ where: { id: planId }, select: { headline: true, articleId: true } })).toEqual({ headline, articleId: null });
  });

  it('answers bad input with field messages and keeps what was typed', async () => {
    session.user = editor;
    const state = await createPlanAction({ ok: false }, formData(planFields({ headline: ' ', targetWords: 'lots', due: 'next Tuesday', status: 'SPIKED', assigneeId: 'x'.repeat(41) })));
    expect(state).toMatchObject({
      ok: false,
      code: 'unprocessable',
      fieldErrors: {
        headline: ['Give the story a working headline.'],
        targetWords: ['Enter the target length as a number of words.'],
        due: ['Choose the due date and time.'],
        status: ['Choose a status from the list.'],
        assigneeId: [expect.any(String)],
      },
      values: { targetWords: 'lots', due: 'next Tuesday' },
    });
  });

  it('lets the assignee move the story along and start its draft, which opens in the editor', async () => {
    session.user = editor;
    const where = await redirectOf(() => createPlanAction({ ok: false }, formData(planFields({ headline: 'Allotment waiting lists', assigneeId: writer.id, status: 'ASSIGNED', targetWords: '500' }))));
    const planId = /\/admin\/planning\/([^?]+)\?/.exec(where)![1]!;

    session.user = writer;
    expect(await updatePlanProgressAction({ ok: false }, formData({ planId, status: 'WRITING', notes: 'Two councils to call' }))).toMatchObject({ ok: true, message: 'Progress saved.' });
    const opened = await redirectOf(() => startDraftAction({ ok: false }, formData({ planId })));
    const plan = await db.storyPlan.findUniqueOrThrow({ where: { id: planId }, select: { notes: true, articleId: true, article: { select: { authors: { select: { userId: true } } } } } });
    expect(opened).toBe(`/admin/articles/${plan.articleId}`);
    expect(plan).toMatchObject({ notes: 'Two councils to call', article: { authors: [{ userId: writer.id }] } });
  });
});
