import { beforeAll, describe, expect, it } from 'vitest';
import { saveArticle } from '@/lib/articles/mutations';
import { db } from '@/lib/db';
import { createPlan, deletePlan, getPlan, getPlanWeek, listPlans, startDraft, updatePlan, updatePlanProgress } from '@/lib/planning';
import { getSite } from '@/lib/site';
import { dateToZonedWallTime, zonedWallTimeToDate } from '@/lib/time-zone';
import type { StaffUser } from '@/lib/users';
import type { PlanFormData } from '@/lib/validation/planning';
import { createArticle, createSection, createUser } from '@/test/fixtures';

let editor: StaffUser;
let writer: StaffUser;
let other: StaffUser;
let section: { id: string; name: string };

beforeAll(async () => {
  [editor, writer, other, section] = await Promise.all([createUser('EDITOR'), createUser('AUTHOR'), createUser('CONTRIBUTOR'), createSection()]);
});

const form = (over: Partial<PlanFormData> = {}): PlanFormData => ({ headline: 'Harbour dredging plan', notes: '', status: 'ASSIGNED', ...over });
const doc = (words: number) => JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: Array(words).fill('word').join(' ') }] }] });

describe('the story budget', () => {
  it('plans, edits and deletes a story; due times are read in the site time zone', async () => {
    const { timeZone } = await getSite();
    const plan = await createPlan(form({ assigneeId: writer.id, sectionId: section.id, targetWords: 800, due: '2026-12-10T15:30', notes: 'Call the port' }), editor);
    expect(plan).toMatchObject({
      headline: 'Harbour dredging plan',
      status: 'ASSIGNED',
      shownStatus: 'ASSIGNED',
      targetWords: 800,
      notes: 'Call the port',
      assignee: { id: writer.id },
      section: { id: section.id },
      article: null,
    });
    expect(dateToZonedWallTime(plan.dueAt!, timeZone)).toBe('2026-12-10T15:30');

    const edited = await updatePlan(plan.id, form({ headline: 'Dredging: the cost', assigneeId: other.id, status: 'WRITING' }), editor);
    expect(edited).toMatchObject({ headline: 'Dredging: the cost', status: 'WRITING', assignee: { id: other.id }, section: null, dueAt: null });
    expect(await db.auditLog.count({ where: { entityId: plan.id, action: { in: ['plan.created', 'plan.updated'] } } })).toBe(2);

    await deletePlan(plan.id, editor);
    expect(await getPlan(plan.id, editor)).toBeNull();
  });

  it('refuses an unknown assignee or section with a field message', async () => {
    await expect(createPlan(form({ assigneeId: 'nobody' }), editor)).rejects.toMatchObject({ code: 'unprocessable', details: { assigneeId: ['Choose someone from the list.'] } });
    await expect(createPlan(form({ sectionId: 'nowhere' }), editor)).rejects.toMatchObject({ code: 'unprocessable', details: { sectionId: ['Choose a section from the list.'] } });
  });

  it('filters by section, assignee and due day (a day in the site time zone)', async () => {
    const s = await createSection();
    const a = await createPlan(form({ headline: 'Late one', sectionId: s.id, assigneeId: writer.id, due: '2026-12-11T23:30' }), editor);
    const b = await createPlan(form({ headline: 'Early one', sectionId: s.id, assigneeId: other.id, due: '2026-12-11T00:15' }), editor);
    await createPlan(form({ headline: 'Next day', sectionId: s.id, due: '2026-12-12T00:00' }), editor);
    expect((await listPlans(editor, { section: s.id, day: '2026-12-11' })).map((p) => p.id)).toEqual([b.id, a.id]);
    expect((await listPlans(editor, { section: s.id, assignee: writer.id })).map((p) => p.id)).toEqual([a.id]);
  });

  it('leaves stories published and due before today out of the budget, but keeps overdue unfinished ones', async () => {
    const s = await createSection();
    const now = new Date('2026-12-20T12:00:00Z');
    const overdue = await createPlan(form({ headline: 'Overdue', sectionId: s.id, due: '2026-12-18T10:00' }), editor);
    const shipped = await createPlan(form({ headline: 'Shipped', sectionId: s.id, due: '2026-12-18T11:00', status: 'PUBLISHED' }), editor);
    const outByArticle = await createPlan(form({ headline: 'Out by its article', sectionId: s.id, due: '2026-12-18T12:00' }), editor);
    const article = await createArticle({ status: 'PUBLISHED' });
    await db.storyPlan.update({ where: { id: outByArticle.id }, data: { articleId: article.id } });
    const today = await createPlan(form({ headline: 'Today', sectionId: s.id, due: '2026-12-20T09:00', status: 'PUBLISHED' }), editor);
    const undated = await createPlan(form({ headline: 'Some day', sectionId: s.id }), editor);

    expect((await listPlans(editor, { section: s.id }, now)).map((p) => p.id)).toEqual([overdue.id, today.id, undated.id]);
    expect((await listPlans(editor, { section: s.id, day: '2026-12-18' }, now)).map((p) => p.id)).toEqual([overdue.id, shipped.id, outByArticle.id]);
  });

  it('shows writers only their own assignments and lets them change only those, and only status and notes', async () => {
    const mine = await createPlan(form({ headline: 'Mine', assigneeId: writer.id }), editor);
    const theirs = await createPlan(form({ headline: 'Theirs', assigneeId: other.id }), editor);

    const seen = (await listPlans(writer, {})).map((p) => p.id);
    expect(seen).toContain(mine.id);
    expect(seen).not.toContain(theirs.id);
    // Asking for someone else's plans by filter still shows only one's own.
    expect((await listPlans(writer, { assignee: other.id })).map((p) => p.id)).not.toContain(theirs.id);
    expect(await getPlan(theirs.id, writer)).toBeNull();

    await expect(updatePlanProgress(theirs.id, { status: 'WRITING', notes: 'x' }, writer)).rejects.toMatchObject({ code: 'not_found' });
    await expect(updatePlan(mine.id, form({ headline: 'Renamed' }), writer)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createPlan(form(), writer)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deletePlan(mine.id, writer)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(startDraft(theirs.id, writer)).rejects.toMatchObject({ code: 'not_found' });
    await expect(updatePlanProgress(mine.id, { status: 'PUBLISHED', notes: '' }, writer)).rejects.toMatchObject({ code: 'forbidden' });

    expect(await updatePlanProgress(mine.id, { status: 'EDITING', notes: 'Waiting on a quote' }, writer)).toMatchObject({ status: 'EDITING', notes: 'Waiting on a quote', headline: 'Mine' });
  });

  it('starts the draft linked to its plan with the assignee as author, and the plan follows the article', async () => {
    const plan = await createPlan(form({ headline: 'Ferry timetable changes', assigneeId: writer.id, sectionId: section.id, targetWords: 600 }), editor);
    // An editor starts it: the writer is the author, the editor the one who did it.
    const { articleId } = await startDraft(plan.id, editor);
    const article = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { title: true, status: true, sectionId: true, authors: { select: { userId: true } } } });
    expect(article).toEqual({ title: 'Ferry timetable changes', status: 'DRAFT', sectionId: section.id, authors: [{ userId: writer.id }] });
    expect(await getPlan(plan.id, writer)).toMatchObject({ shownStatus: 'WRITING', article: { id: articleId, status: 'DRAFT', wordCount: 0 } });
    // A second click does not make a second article.
    await expect(startDraft(plan.id, writer)).rejects.toMatchObject({ code: 'conflict' });
    expect(await db.article.count({ where: { title: 'Ferry timetable changes' } })).toBe(1);

    // The writer writes and submits; the plan shows the words against the target and Editing.
    const data = { title: 'Ferry timetable changes', standfirst: '', body: '', bodyJson: JSON.parse(doc(412)), sectionId: section.id, tags: [] };
    const saved = await saveArticle({ id: articleId, version: 1, intent: 'submit', data }, writer);
    expect(await getPlan(plan.id, writer)).toMatchObject({ shownStatus: 'EDITING', article: { status: 'IN_REVIEW', wordCount: 412 } });

    // The editor publishes: the plan shows Published.
    await saveArticle({ id: articleId, version: saved.version, intent: 'publish', data }, editor);
    expect(await getPlan(plan.id, editor)).toMatchObject({ status: 'WRITING', shownStatus: 'PUBLISHED', article: { status: 'PUBLISHED' } });
  });

  it('lets a writer start their own draft but not an editor-only byline for someone else', async () => {
    const plan = await createPlan(form({ headline: `Own draft ${Date.now()}`, assigneeId: writer.id }), editor);
    const { articleId } = await startDraft(plan.id, writer);
    expect(await db.articleAuthor.findMany({ where: { articleId }, select: { userId: true } })).toEqual([{ userId: writer.id }]);
    const data = { title: 'x', standfirst: '', body: '', sectionId: null, tags: [] };
    await expect(saveArticle({ intent: 'save', data, authorId: other.id }, writer)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('puts plans due in a week beside the articles scheduled and published in it', async () => {
    const { timeZone } = await getSite();
    const at = (wall: string) => zonedWallTimeToDate(wall, timeZone)!;
    const plan = await createPlan(form({ headline: 'Week plan', assigneeId: writer.id, due: '2031-03-05T10:00' }), editor);
    const scheduled = await createArticle({ title: 'Week scheduled', status: 'SCHEDULED', publishedAt: null, authorIds: [other.id] });
    await db.article.update({ where: { id: scheduled.id }, data: { scheduledAt: at('2031-03-07T09:00') } });
    await createArticle({ title: 'Next week', status: 'SCHEDULED', publishedAt: null });

    const week = await getPlanWeek(editor, '2031-03-05');
    expect(week.days).toEqual(['2031-03-03', '2031-03-04', '2031-03-05', '2031-03-06', '2031-03-07', '2031-03-08', '2031-03-09']);
    expect(week.plans.map((p) => p.id)).toEqual([plan.id]);
    expect(week.articles.map((a) => [a.id, a.status])).toEqual([[scheduled.id, 'SCHEDULED']]);
    // A writer's week holds their plans but not others' scheduled articles.
    const mine = await getPlanWeek(writer, '2031-03-05');
    expect(mine.plans.map((p) => p.id)).toEqual([plan.id]);
    expect(mine.articles).toEqual([]);
  });
});
