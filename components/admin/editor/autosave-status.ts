// The autosave line of the editor, as one pure function of its state.

/** What autosave says about the text: saved, saving, waiting, offline, or why not. */
export function autosaveStatus(s: { conflict: boolean; saving: boolean; dirty: boolean; offline: boolean; saved: boolean; canAutosave: boolean; autoError: string | null }): string {
  if (s.conflict) return 'Not saved — someone else saved a newer version';
  if (s.saving) return 'Saving…';
  if (s.dirty && s.offline) return 'Offline — changes kept locally';
  if (s.dirty && s.saved && !s.canAutosave) return 'Unsaved changes — kept locally until you save';
  if (s.dirty && !s.saved && !s.canAutosave) return 'Not saved yet — add a title; changes are kept locally';
  if (s.dirty && s.autoError) return `Not saved: ${s.autoError}`;
  if (s.dirty) return 'Unsaved changes';
  return s.saved ? 'Saved' : '';
}
