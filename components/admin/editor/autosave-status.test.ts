import { describe, expect, it } from 'vitest';
import { autosaveStatus } from './autosave-status';

const base = { conflict: false, saving: false, dirty: false, offline: false, saved: true, canAutosave: true, autoError: null };

describe('the autosave line', () => {
  it('says Saved when the server has the text, and nothing on a blank new article', () => {
    expect(autosaveStatus(base)).toBe('Saved');
    expect(autosaveStatus({ ...base, saved: false })).toBe('');
  });

  it('puts a conflict and a save in flight before anything else', () => {
    expect(autosaveStatus({ ...base, dirty: true, saving: true, conflict: true })).toBe('Not saved — someone else saved a newer version');
    expect(autosaveStatus({ ...base, dirty: true, saving: true, offline: true })).toBe('Saving…');
  });

  it('tells why changes are not saved yet', () => {
    expect(autosaveStatus({ ...base, dirty: true, offline: true })).toBe('Offline — changes kept locally');
    expect(autosaveStatus({ ...base, dirty: true, canAutosave: false })).toBe('Unsaved changes — kept locally until you save');
    expect(autosaveStatus({ ...base, dirty: true, saved: false, canAutosave: false })).toBe('Not saved yet — add a title; changes are kept locally');
    expect(autosaveStatus({ ...base, dirty: true, autoError: 'Too long.' })).toBe('Not saved: Too long.');
    expect(autosaveStatus({ ...base, dirty: true })).toBe('Unsaved changes');
  });
});
