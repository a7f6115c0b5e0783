// The editor's safety net: every change is kept in this browser's localStorage until the
// server has it, so a closed tab, a crash or a lost connection loses nothing.

import type { HeroImage } from '@/components/media/hero-image-picker';

/** What the editor saves, as it compares and stores it; the hero image by its media id ('' for none). */
export type DraftContent = { title: string; standfirst: string; sectionId: string; tags: string; bodyJson: string; heroImageId: string };

export type LocalDraft = DraftContent & {
  /** The hero image as the editor shows it, so a restored copy shows it again without a fetch. */
  hero: HeroImage | null;
  /** When the change was made (ms since epoch, this browser's clock). */
  savedAt: number;
  /** The server version the change was made on top of (0 for an article not saved yet). */
  baseVersion: number;
};

const keyFor = (articleId: string | null) => `broadsheet:article-draft:${articleId ?? 'new'}`;
/** Where a copy offered back on arrival waits for the writer's decision, so new typing can be kept beside it. */
const asideKeyFor = (articleId: string | null) => `${keyFor(articleId)}:set-aside`;

/** One canonical string per content, so "changed since the last save" is a string comparison. */
export const contentKey = (c: DraftContent) => JSON.stringify([c.title, c.standfirst, c.sectionId, c.tags, c.bodyJson, c.heroImageId]);

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function readHero(v: unknown): HeroImage | null {
  if (!v || typeof v !== 'object') return null;
  const h = v as Record<string, unknown>;
  if (typeof h.id !== 'string' || !h.id || typeof h.thumbnailUrl !== 'string') return null;
  return { id: h.id, alt: str(h.alt), caption: str(h.caption), credit: str(h.credit), thumbnailUrl: h.thumbnailUrl, filename: str(h.filename) };
}

/**
 * The copy this browser kept for an article, if any. A copy kept before the hero image was
 * part of it has no `hero`: it gets `serverHero`, so it never silently removes the image.
 */
export function readLocalDraft(articleId: string | null, serverHero: HeroImage | null = null, key = keyFor(articleId)): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const d = JSON.parse(raw) as Record<string, unknown>;
    if (typeof d.savedAt !== 'number' || typeof d.baseVersion !== 'number' || typeof d.bodyJson !== 'string') return null;
    const hero = 'hero' in d ? readHero(d.hero) : serverHero;
    return {
      title: str(d.title),
      standfirst: str(d.standfirst),
      sectionId: str(d.sectionId),
      tags: str(d.tags),
      bodyJson: d.bodyJson,
      heroImageId: hero?.id ?? '',
      hero,
      savedAt: d.savedAt,
      baseVersion: d.baseVersion,
    };
  } catch {
    return null;
  }
}

export function writeLocalDraft(articleId: string | null, draft: LocalDraft, key = keyFor(articleId)) {
  try {
    window.localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or disabled (private mode): the server copy and the autosave still stand.
  }
}

export function removeLocalDraft(articleId: string | null, key = keyFor(articleId)) {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing to clean up when storage is unavailable.
  }
}

/**
 * On opening the editor: the copy this browser kept that the server does not have (its content
 * differs from `serverKey`), to offer back. It is set aside under its own key until the writer
 * restores or discards it, so the editor keeps new typing locally and autosaves meanwhile.
 * A copy equal to the server's is dropped. A newer copy wins over one set aside earlier.
 */
export function takeLocalDraft(articleId: string | null, serverKey: string, serverHero: HeroImage | null = null): LocalDraft | null {
  const kept = readLocalDraft(articleId, serverHero);
  if (kept) {
    removeLocalDraft(articleId);
    if (contentKey(kept) !== serverKey) {
      writeLocalDraft(articleId, kept, asideKeyFor(articleId));
      return kept;
    }
  }
  const aside = readLocalDraft(articleId, serverHero, asideKeyFor(articleId));
  if (aside && contentKey(aside) === serverKey) {
    removeLocalDraft(articleId, asideKeyFor(articleId));
    return null;
  }
  return aside;
}

/** The writer restored or discarded the copy offered back: it is gone from this browser. */
export function forgetSetAside(articleId: string | null) {
  removeLocalDraft(articleId, asideKeyFor(articleId));
}
