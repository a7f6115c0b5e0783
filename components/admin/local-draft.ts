// The editor's safety net: every change is kept in this browser's localStorage until the
// server has it, so a closed tab, a crash or a lost connection loses nothing.

/** What the editor saves, as it compares and stores it. */
export type DraftContent = { title: string; standfirst: string; sectionId: string; tags: string; bodyJson: string };

export type LocalDraft = DraftContent & {
  /** When the change was made (ms since epoch, this browser's clock). */
  savedAt: number;
  /** The server version the change was made on top of (0 for an article not saved yet). */
  baseVersion: number;
};

const keyFor = (articleId: string | null) => `broadsheet:article-draft:${articleId ?? 'new'}`;

/** One canonical string per content, so "changed since the last save" is a string comparison. */
export const contentKey = (c: DraftContent) => JSON.stringify([c.title, c.standfirst, c.sectionId, c.tags, c.bodyJson]);

export function readLocalDraft(articleId: string | null): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(keyFor(articleId));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<LocalDraft>;
    if (typeof d.savedAt !== 'number' || typeof d.baseVersion !== 'number' || typeof d.bodyJson !== 'string') return null;
    return { title: String(d.title ?? ''), standfirst: String(d.standfirst ?? ''), sectionId: String(d.sectionId ?? ''), tags: String(d.tags ?? ''), bodyJson: d.bodyJson, savedAt: d.savedAt, baseVersion: d.baseVersion };
  } catch {
    return null;
  }
}

export function writeLocalDraft(articleId: string | null, draft: LocalDraft) {
  try {
    window.localStorage.setItem(keyFor(articleId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled (private mode): the server copy and the autosave still stand.
  }
}

export function removeLocalDraft(articleId: string | null) {
  try {
    window.localStorage.removeItem(keyFor(articleId));
  } catch {
    // Nothing to clean up when storage is unavailable.
  }
}
