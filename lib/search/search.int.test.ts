import { beforeAll, describe, expect, it } from 'vitest';
import { saveArticle } from '@/lib/articles/mutations';
import { publishDueArticles } from '@/lib/articles/scheduler';
import { db } from '@/lib/db';
import { rebuildSearchIndex, reindexArticle, searchArticleIds, searchArticles, searchIndexCounts } from '@/lib/search';
import type { StaffUser } from '@/lib/users';
import { articleFormSchema, type ArticleFormInput } from '@/lib/validation/articles';
import { createArticle, createSection, createUser, unique } from '@/test/fixtures';

// Every test searches for made-up words of its own, so articles from other tests never match.
const word = () => `zq${unique()}`;
const form = (input: Partial<ArticleFormInput> & { title: string }) => articleFormSchema.parse({ body: 'An ordinary paragraph about the town.', ...input });
const text = (segments: { text: string }[]) => segments.map((s) => s.text).join('');
const marked = (segments: { text: string; mark: boolean }[]) => segments.filter((s) => s.mark).map((s) => s.text.toLowerCase());

let editor: StaffUser;
let author: StaffUser;

beforeAll(async () => {
  [editor, author] = await Promise.all([createUser('EDITOR'), createUser('AUTHOR')]);
});

describe('searching published articles', () => {
  it('ranks a title match above a standfirst match above a body match, and marks the matched words', async () => {
    const w = word();
    const section = await createSection();
    const inBody = await saveArticle({ intent: 'publish', data: form({ title: `Harbour story ${unique()}`, body: `Later in the piece the ${w} appears once.` }) }, editor);
    const inTitle = await saveArticle({ intent: 'publish', data: form({ title: `The ${w} returns`, sectionId: section.id }) }, editor);
    const inStandfirst = await saveArticle({ intent: 'publish', data: form({ title: `Market story ${unique()}`, standfirst: `Why the ${w} matters` }) }, editor);

    const r = await searchArticles({ q: w });
    expect(r.hits.map((h) => h.id)).toEqual([inTitle.id, inStandfirst.id, inBody.id]);
    expect(r.total).toBe(3);
    const top = r.hits[0]!;
    expect(marked(top.title)).toEqual([w]);
    expect(top.section?.name).toBeTruthy();
    expect(marked(r.hits[1]!.excerpt)).toEqual([w]);
    // The body hit shows a passage of the body around the match.
    expect(text(r.hits[2]!.excerpt)).toContain(`the ${w} appears`);
    expect(marked(r.hits[2]!.excerpt)).toEqual([w]);
  });

  it('matches other forms of a word (stemming) and ignores case and accents', async () => {
    const w = word();
    await saveArticle({ intent: 'publish', data: form({ title: `Council elections in ${w}`, standfirst: 'A café reopens' }) }, editor);
    expect((await searchArticles({ q: `ELECTION ${w}` })).total).toBe(1);
    expect((await searchArticles({ q: `élections ${w.toUpperCase()}` })).total).toBe(1);
    const cafe = await searchArticles({ q: `cafe ${w}` });
    expect(cafe.total).toBe(1);
    // The excerpt keeps the text as written, accent included.
    expect(marked(cafe.hits[0]!.excerpt)).toEqual(['café']);
  });

  it('supports "phrases", OR and -exclusions', async () => {
    const [a, b, c] = [word(), word(), word()];
    const one = await saveArticle({ intent: 'publish', data: form({ title: `${a} ${b} together` }) }, editor);
    const two = await saveArticle({ intent: 'publish', data: form({ title: `${b} then ${a} apart`, body: `Mentions ${c}.` }) }, editor);
    expect((await searchArticleIds(`"${a} ${b}"`, { take: 10 })).sort()).toEqual([one.id]);
    expect((await searchArticleIds(`${a} -${c}`, { take: 10 })).sort()).toEqual([one.id]);
    expect((await searchArticleIds(`${c} OR ${a}`, { take: 10 })).sort()).toEqual([one.id, two.id].sort());
  });

  it('finds nothing, without an error, for hostile or empty queries', async () => {
    const w = word();
    await saveArticle({ intent: 'publish', data: form({ title: `Quotes ${w}` }) }, editor);
    for (const q of ['"', `"${w}`, `${w}"`, 'NEAR(a b)', '*', `${w}*`, 'title:x', '((', '\'; DROP TABLE "Article"; --', `-${w}`, '^', '\u0000', '<mark>x</mark>']) {
      const r = await searchArticles({ q });
      expect(r.total, q).toBeGreaterThanOrEqual(0);
    }
    expect((await searchArticles({ q: `"${w}` })).total).toBe(1);
    expect((await searchArticles({ q: `${w}*` })).total).toBe(1);
    expect((await searchArticles({ q: `-${w}` })).total).toBe(0);
    expect(await db.article.count()).toBeGreaterThan(0);
  });

  it('pages through results with a total and page count', async () => {
    const w = word();
    for (let i = 0; i < 5; i++) await createArticle({ title: `${w} number ${i}` });
    await rebuildSearchIndex();
    const first = await searchArticles({ q: w, perPage: 2 });
    const third = await searchArticles({ q: w, perPage: 2, page: 3 });
    expect(first).toMatchObject({ total: 5, pages: 3 });
    expect(first.hits).toHaveLength(2);
    expect(third.hits).toHaveLength(1);
    expect(new Set([...first.hits, ...(await searchArticles({ q: w, perPage: 2, page: 2 })).hits, ...third.hits].map((h) => h.id)).size).toBe(5);
  });

  it('answers a query matching more than the rank window from its newest matches, ranked, and says there are more', async () => {
    const w = word();
    // The best possible match, but the oldest: outside a window of the three newest.
    const oldTitleMatch = await saveArticle({ intent: 'publish', data: form({ title: `The ${w} headline`, standfirst: `All about the ${w}` }) }, editor);
    const older = await saveArticle({ intent: 'publish', data: form({ title: `Older ${unique()}`, body: `A mention of ${w}.` }) }, editor);
    const newer: string[] = [];
    for (let i = 0; i < 2; i++) newer.push((await saveArticle({ intent: 'publish', data: form({ title: `Newer ${unique()}`, body: `Another mention of ${w}.` }) }, editor)).id);
    const newestWithStandfirst = await saveArticle({ intent: 'publish', data: form({ title: `Newest ${unique()}`, standfirst: `The ${w} again` }) }, editor);

    const windowed = await searchArticles({ q: w, rankWindow: 3 });
    expect(windowed).toMatchObject({ total: 3, capped: true, pages: 1 });
    // The three newest, ranked: the standfirst match first.
    expect(windowed.hits.map((h) => h.id)).toEqual([newestWithStandfirst.id, ...[...newer].reverse()]);
    expect(windowed.hits.map((h) => h.id)).not.toContain(oldTitleMatch.id);

    const all = await searchArticles({ q: w });
    expect(all).toMatchObject({ total: 5, capped: false });
    expect(all.hits[0]!.id).toBe(oldTitleMatch.id);
    expect(all.hits.map((h) => h.id)).toContain(older.id);
  });
});

describe('keeping the index in step with articles', () => {
  it('never finds drafts, articles in review, scheduled or archived articles', async () => {
    const w = word();
    await saveArticle({ intent: 'save', data: form({ title: `Draft ${w}` }) }, author);
    await saveArticle({ intent: 'submit', data: form({ title: `Review ${w}` }) }, author);
    await saveArticle({ intent: 'schedule', data: form({ title: `Scheduled ${w}` }), scheduledAt: new Date(Date.now() + 3_600_000) }, editor);
    const archived = await createArticle({ title: `Archived ${w}`, status: 'ARCHIVED' });
    await reindexArticle(archived.id);
    expect((await searchArticles({ q: w })).total).toBe(0);
    // Even a rebuild indexes only the published ones.
    await rebuildSearchIndex();
    expect((await searchArticles({ q: w })).total).toBe(0);
  });

  it('reindexes on edit, and drops an article when it is unpublished, archived or deleted', async () => {
    const [before, after] = [word(), word()];
    const saved = await saveArticle({ intent: 'publish', data: form({ title: `Story about ${before}` }) }, editor);
    expect((await searchArticles({ q: before })).total).toBe(1);

    const edited = await saveArticle({ id: saved.id, version: saved.version, intent: 'save', data: form({ title: `Story about ${after}` }) }, editor);
    expect((await searchArticles({ q: before })).total).toBe(0);
    expect((await searchArticles({ q: after })).hits.map((h) => h.id)).toEqual([saved.id]);

    const unpublished = await saveArticle({ id: saved.id, version: edited.version, intent: 'unpublish', data: form({ title: `Story about ${after}` }) }, editor);
    expect((await searchArticles({ q: after })).total).toBe(0);

    await saveArticle({ id: saved.id, version: unpublished.version, intent: 'publish', data: form({ title: `Story about ${after}` }) }, editor);
    expect((await searchArticles({ q: after })).total).toBe(1);
    await db.article.update({ where: { id: saved.id }, data: { status: 'ARCHIVED' } });
    // The rows shown are checked against the article's status, so a stale entry never shows an archived article...
    expect((await searchArticles({ q: after })).hits).toEqual([]);
    // ...and reindexing removes the entry.
    await reindexArticle(saved.id);
    await db.article.delete({ where: { id: saved.id } });
    await reindexArticle(saved.id);
    expect((await searchArticles({ q: after })).total).toBe(0);
  });

  it('indexes an article when the scheduler publishes it', async () => {
    const w = word();
    const at = new Date(Date.now() + 60_000);
    const saved = await saveArticle({ intent: 'schedule', data: form({ title: `Overnight ${w}` }), scheduledAt: at }, editor);
    const later = new Date(at.getTime() + 1000);
    expect((await searchArticles({ q: w, now: later })).total).toBe(0);
    await publishDueArticles(later);
    expect((await searchArticles({ q: w, now: later })).hits.map((h) => h.id)).toEqual([saved.id]);
  });

  it('rebuilds to exactly the published articles', async () => {
    await rebuildSearchIndex({ batchSize: 3 });
    const counts = await searchIndexCounts();
    expect(counts.indexed).toBe(counts.published);
  });
});
