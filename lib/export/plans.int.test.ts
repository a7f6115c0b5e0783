import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveArticle } from '@/lib/articles/mutations';
import { db } from '@/lib/db';
import type { ExportPlan } from '@/lib/export/format';
import { exportSite } from '@/lib/export/write';
import { createArticleNote } from '@/lib/notes';
import type { StaffUser } from '@/lib/users';
import { articleFormSchema } from '@/lib/validation/articles';
import { createSection, createUser, unique } from '@/test/fixtures';
import { importAs } from '@/test/helpers/import-run';

// Story plans leave with the whole-site export and come back through the Broadsheet importer,
// once: a second import of the same file changes nothing. Inline notes leave only when asked.

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-plans-export-'));
let admin: StaffUser;
let editor: StaffUser;
let writer: StaffUser;
beforeAll(async () => {
  [admin, editor, writer] = await Promise.all([createUser('ADMIN'), createUser('EDITOR'), createUser('AUTHOR')]);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

type ExportFile = { plans: ExportPlan[]; notes?: { articleId: string; messages: { body: string }[] }[]; users: { id: string }[]; sections: { id: string }[]; articles: { id: string }[] };

describe('story plans in the export', () => {
  it('go out with the site and come back through the importer, once; notes go out only when asked', async () => {
    const section = await createSection(`Budget ${unique()}`);
    const title = `Harbour works ${unique()}`;
    const article = await saveArticle({ intent: 'save', data: articleFormSchema.parse({ title, body: 'Filed from the quay.' }) }, writer);
    const linked = await db.storyPlan.create({
      data: {
        headline: `Harbour works plan ${unique()}`,
        notes: 'Call the harbour master.',
        status: 'WRITING',
        targetWords: 600,
        dueAt: new Date('2026-12-09T16:00:00Z'),
        assigneeId: writer.id,
        sectionId: section.id,
        articleId: article.id,
        createdById: editor.id,
      },
    });
    const idea = await db.storyPlan.create({ data: { headline: `Ferry fares ${unique()}`, status: 'IDEA', createdById: editor.id } });
    const remark = `Newsroom only ${unique()}`;
    await createArticleNote({ articleId: article.id, anchorFrom: 'AAAA', anchorTo: 'AAAB', quote: 'Filed', body: remark }, editor);

    const file = path.join(tmp, 'site.json');
    await exportSite(file);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain(remark);
    const exported = JSON.parse(text) as ExportFile;
    expect(exported.notes).toBeUndefined();
    expect(exported.plans.find((p) => p.id === linked.id)).toEqual({
      id: linked.id,
      headline: linked.headline,
      notes: 'Call the harbour master.',
      status: 'WRITING',
      targetWords: 600,
      dueAt: '2026-12-09T16:00:00.000Z',
      assigneeId: writer.id,
      sectionId: section.id,
      articleId: article.id,
      createdAt: linked.createdAt.toISOString(),
    });
    const withNotes = path.join(tmp, 'with-notes.json');
    await exportSite(withNotes, { includeNotes: true });
    const noted = (JSON.parse(fs.readFileSync(withNotes, 'utf8')) as ExportFile).notes?.find((n) => n.articleId === article.id);
    expect(noted?.messages.map((m) => m.body)).toEqual([remark]);

    // The same items as a file of their own; the site then loses the story and its plans, and imports them back.
    const mine = path.join(tmp, 'mine.json');
    const keep = <T extends { id: string }>(rows: T[], ids: string[]) => rows.filter((r) => ids.includes(r.id));
    fs.writeFileSync(
      mine,
      JSON.stringify({
        ...exported,
        mediaArchive: null,
        settings: [],
        tags: [],
        media: [],
        comments: [],
        redirects: [],
        users: keep(exported.users, [writer.id, editor.id]),
        sections: keep(exported.sections, [section.id]),
        articles: keep(exported.articles, [article.id]),
        plans: keep(exported.plans, [linked.id, idea.id]),
      }),
    );
    await db.storyPlan.deleteMany({ where: { id: { in: [linked.id, idea.id] } } });
    await db.article.delete({ where: { id: article.id } });

    const first = await importAs(admin, { source: 'broadsheet', file: mine, dryRun: false });
    expect(first.kinds.plan).toMatchObject({ imported: 2, updated: 0, skipped: 0 });
    const back = await db.storyPlan.findFirstOrThrow({
      where: { headline: linked.headline },
      select: { notes: true, status: true, targetWords: true, dueAt: true, assigneeId: true, sectionId: true, article: { select: { title: true } } },
    });
    expect(back).toEqual({
      notes: 'Call the harbour master.',
      status: 'WRITING',
      targetWords: 600,
      dueAt: new Date('2026-12-09T16:00:00Z'),
      assigneeId: writer.id,
      sectionId: section.id,
      article: { title },
    });
    expect(await db.storyPlan.count({ where: { headline: idea.headline, articleId: null, assigneeId: null } })).toBe(1);

    const again = await importAs(admin, { source: 'broadsheet', file: mine, dryRun: false });
    expect(again.kinds.plan).toMatchObject({ imported: 0, updated: 0, unchanged: 2 });
    expect(await db.storyPlan.count({ where: { headline: { in: [linked.headline, idea.headline] } } })).toBe(2);
  }, 120_000);
});
