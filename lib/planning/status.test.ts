import { describe, expect, it } from 'vitest';
import { addDays, lengthAgainstTarget, shownPlanStatus, weekOf } from './status';

describe('a plan’s shown status', () => {
  it('is its own until it has an article', () => {
    expect(shownPlanStatus('ASSIGNED', null)).toBe('ASSIGNED');
    expect(shownPlanStatus('PUBLISHED', undefined)).toBe('PUBLISHED');
  });

  it('follows the article: in review is Editing, scheduled is Ready, published is Published', () => {
    expect(shownPlanStatus('WRITING', 'DRAFT')).toBe('WRITING');
    expect(shownPlanStatus('ASSIGNED', 'DRAFT')).toBe('WRITING');
    expect(shownPlanStatus('WRITING', 'IN_REVIEW')).toBe('EDITING');
    expect(shownPlanStatus('WRITING', 'SCHEDULED')).toBe('READY');
    expect(shownPlanStatus('IDEA', 'PUBLISHED')).toBe('PUBLISHED');
  });

  it('keeps a later step the desk set, but is never Published while the article is not out', () => {
    expect(shownPlanStatus('READY', 'DRAFT')).toBe('READY');
    expect(shownPlanStatus('PUBLISHED', 'DRAFT')).toBe('READY');
  });
});

describe('length against target', () => {
  it('reads words of the current body against the target', () => {
    expect(lengthAgainstTarget(412, 800)).toBe('412 of 800 words');
    expect(lengthAgainstTarget(1200, null)).toBe('1,200 words');
    expect(lengthAgainstTarget(null, 800)).toBe('Target 800 words');
    expect(lengthAgainstTarget(null, null)).toBeNull();
  });
});

describe('the week', () => {
  it('runs Monday to Sunday around any of its days, across months and years', () => {
    expect(weekOf('2026-12-09')).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13']);
    expect(weekOf('2026-12-13')[0]).toBe('2026-12-07');
    expect(weekOf('2027-01-01')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-12-07', -7)).toBe('2026-11-30');
  });
});
