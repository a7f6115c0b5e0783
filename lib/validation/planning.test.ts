import { describe, expect, it } from 'vitest';
import { planFormSchema, planListQuerySchema, planWeekQuerySchema } from './planning';

describe('the plan form', () => {
  it('reads blanks as missing and numbers from text', () => {
    expect(planFormSchema.parse({ headline: ' Bridge closure ', assigneeId: '', sectionId: '', targetWords: '650', due: '', notes: '', status: 'ASSIGNED' })).toEqual({
      headline: 'Bridge closure',
      targetWords: 650,
      notes: '',
      status: 'ASSIGNED',
    });
  });

  it('says what is wrong with each field', () => {
    const r = planFormSchema.safeParse({ headline: '', targetWords: '12.5', due: '2026-12-10', status: 'DONE' });
    expect(r.success).toBe(false);
    expect(Object.fromEntries(r.error!.issues.map((i) => [i.path[0], i.message]))).toEqual({
      headline: 'Give the story a working headline.',
      targetWords: 'Enter a whole number of words.',
      due: 'Choose the due date and time.',
      status: 'Choose a status from the list.',
    });
    expect(planFormSchema.safeParse({ headline: 'x', due: '2026-02-30T10:00' }).error?.issues[0]?.message).toBe('Choose a date that exists.');
    expect(planFormSchema.safeParse({ headline: 'x', due: 'next Tuesday' }).error?.issues.map((i) => i.message)).toEqual(['Choose the due date and time.']);
  });
});

describe('the list and week addresses', () => {
  it('ignore days that do not exist and values that cannot be read, instead of failing', () => {
    expect(planListQuerySchema.parse({ day: '2026-02-30', section: 'x'.repeat(80), assignee: ['u1', 'u2'] })).toEqual({ assignee: 'u1' });
    expect(planWeekQuerySchema.parse({ week: '2026-13-01' })).toEqual({});
    expect(planWeekQuerySchema.parse({ week: '2028-02-29' })).toEqual({ week: '2028-02-29' });
  });
});
