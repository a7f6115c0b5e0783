import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formFields, parseForm } from '@/lib/actions';
import { toAppError } from '@/lib/errors';
import { deleteAdSlotFormSchema, updateAdSlotFormSchema } from '@/lib/validation/ads';
import { articleDetailsFormSchema, saveArticleFormSchema } from '@/lib/validation/articles';
import { eraseCommenterFormSchema } from '@/lib/validation/comments';
import { webhookFormSchema } from '@/lib/validation/webhooks';

function form(fields: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) f.append(k, one);
  return f;
}

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return toAppError(e);
  }
  throw new Error('expected a refusal');
};

describe('parseForm', () => {
  it('keeps a field sent once as text and a field sent several times as a list, leaving out Next’s own fields and files', () => {
    const f = form({ title: 'One', authorIds: ['a', 'b'], $ACTION_ID_1: 'x' });
    f.append('upload', new Blob(['bytes']), 'x.jpg');
    expect(formFields(f)).toEqual({ title: 'One', authorIds: ['a', 'b'] });
  });

  it('reads the Details panel: byline order kept, one author or none as a list, an unticked box as false', () => {
    const base = { articleId: 'art1', seoTitle: '', seoDescription: '', canonicalUrl: '', socialImageId: '', detailsVersion: '3' };
    expect(parseForm(articleDetailsFormSchema, form({ ...base, authorIds: ['u2', 'u1'], relatedIds: 'r1', commentsOpen: 'on' }))).toMatchObject({
      authorIds: ['u2', 'u1'],
      relatedIds: ['r1'],
      commentsOpen: true,
      detailsVersion: 3,
    });
    expect(parseForm(articleDetailsFormSchema, form({ ...base, authorIds: 'u1' }))).toMatchObject({ authorIds: ['u1'], relatedIds: [], commentsOpen: false, seoTitle: null });
    expect(refusal(() => parseForm(articleDetailsFormSchema, form(base))).details).toEqual({ authorIds: ['Keep at least one author in the byline.'] });
  });

  it('reads the editor’s save: a new article has no id or version; "Publish at" is required only to schedule', () => {
    const fields = { title: 'Harbour lights', body: 'Boats.', sectionId: '', tags: 'harbour, Harbour, boats', heroImageId: '', id: '', version: '', publishAt: '' };
    expect(parseForm(saveArticleFormSchema, form({ ...fields, intent: 'save' }))).toMatchObject({
      intent: 'save',
      id: undefined,
      version: undefined,
      publishAt: undefined,
      tags: ['harbour', 'boats'],
      heroImageId: null,
    });
    expect(parseForm(saveArticleFormSchema, form({ ...fields, intent: 'save', id: 'a1', version: '4' }))).toMatchObject({ id: 'a1', version: 4 });
    expect(refusal(() => parseForm(saveArticleFormSchema, form({ ...fields, intent: 'schedule' }))).details).toEqual({ publishAt: ['Choose the date and time to publish.'] });
    expect(parseForm(saveArticleFormSchema, form({ ...fields, intent: 'schedule', publishAt: '2031-01-15T09:30' })).publishAt).toBe('2031-01-15T09:30');
    expect(refusal(() => parseForm(saveArticleFormSchema, form({ intent: 'save' }))).details?.title).toEqual(['Give the article a title.']);
  });

  it('takes ticked event boxes as a list, in the dashboard’s order', () => {
    expect(parseForm(webhookFormSchema, form({ url: 'https://example.com/hook', events: ['comment.approved', 'article.published'] })).events).toEqual(['article.published', 'comment.approved']);
    expect(refusal(() => parseForm(webhookFormSchema, form({ url: 'https://example.com/hook' }))).details).toEqual({ events: ['Choose at least one event to send.'] });
  });

  it('reads an edit form as its record’s id and the same fields as the create form', () => {
    const slot = { name: 'Sidebar', placement: 'SIDEBAR', creativeType: 'html', html: '<p>Ad</p>', width: '300', height: '250' };
    expect(parseForm(updateAdSlotFormSchema, form({ ...slot, id: 'ad1', active: 'on' }))).toMatchObject({ id: 'ad1', name: 'Sidebar', width: 300, active: true });
    expect(refusal(() => parseForm(updateAdSlotFormSchema, form(slot))).details).toHaveProperty('id');
  });

  it('refuses an unticked confirmation with its own message as the form’s message', () => {
    const err = refusal(() => parseForm(eraseCommenterFormSchema, form({ email: 'Reader@Example.com' })));
    expect(err).toMatchObject({ code: 'unprocessable', message: 'Tick the box to confirm the erasure.' });
    expect(parseForm(eraseCommenterFormSchema, form({ email: 'Reader@Example.com', confirm: 'on' })).email).toBe('reader@example.com');
    expect(refusal(() => parseForm(deleteAdSlotFormSchema, form({ id: 'ad1' }))).message).toBe('Tick the box to confirm that the ad slot should be deleted.');
    expect(parseForm(deleteAdSlotFormSchema, form({ id: 'ad1', confirm: 'on' })).id).toBe('ad1');
    // Field problems keep the general message.
    expect(refusal(() => parseForm(z.object({ n: z.string().min(2, 'Too short.') }), form({ n: 'x' })))).toMatchObject({ message: 'Some fields need attention.', details: { n: ['Too short.'] } });
  });
});
