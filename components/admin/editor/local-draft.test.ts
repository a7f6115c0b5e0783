import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentKey, forgetSetAside, readLocalDraft, removeLocalDraft, takeLocalDraft, writeLocalDraft, type LocalDraft } from './local-draft';

const hero = { id: 'cmhero000000000000000001', alt: 'The pier at low tide', caption: '', credit: 'Pat Lens', thumbnailUrl: '/media/x/w320.webp', filename: 'pier.jpg' };
const draft: LocalDraft = { title: 'Pier reopens', standfirst: '', sectionId: '', tags: '', bodyJson: '{"type":"doc","content":[]}', heroImageId: hero.id, hero, savedAt: 1, baseVersion: 3 };

beforeEach(() => {
  const store = new Map<string, string>();
  vi.stubGlobal('window', { localStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) } });
});
afterEach(() => vi.unstubAllGlobals());

describe('the local copy of an article', () => {
  it('counts a different hero image as a change, like any text', () => {
    expect(contentKey(draft)).not.toBe(contentKey({ ...draft, heroImageId: '' }));
    expect(contentKey(draft)).not.toBe(contentKey({ ...draft, heroImageId: 'cmother00000000000000001' }));
  });

  it('keeps the hero image (or its removal) and gives it back', () => {
    writeLocalDraft('a1', draft);
    expect(readLocalDraft('a1')).toEqual(draft);
    writeLocalDraft('a1', { ...draft, heroImageId: '', hero: null });
    expect(readLocalDraft('a1', hero)).toMatchObject({ heroImageId: '', hero: null });
  });

  it('gives a copy kept before heroes were part of it the server’s hero, never none', () => {
    window.localStorage.setItem('broadsheet:article-draft:a2', JSON.stringify({ title: 'Old copy', bodyJson: '{}', savedAt: 1, baseVersion: 2 }));
    expect(readLocalDraft('a2', hero)).toMatchObject({ title: 'Old copy', heroImageId: hero.id, hero });
    expect(readLocalDraft('a2')).toMatchObject({ heroImageId: '', hero: null });
  });
});

describe('a copy offered back when the editor opens', () => {
  it('is dropped when the server already has that content', () => {
    writeLocalDraft('a3', draft);
    expect(takeLocalDraft('a3', contentKey(draft), hero)).toBeNull();
    expect(readLocalDraft('a3')).toBeNull();
  });

  it('is set aside, so new typing can be kept locally while the writer decides, and offered again on the next visit', () => {
    writeLocalDraft('a4', draft);
    const serverKey = contentKey({ ...draft, title: 'What the server has' });
    expect(takeLocalDraft('a4', serverKey, hero)).toEqual(draft);
    // The editor keeps new changes under the usual key meanwhile; they never overwrite the copy offered.
    writeLocalDraft('a4', { ...draft, title: 'Typed after opening' });
    removeLocalDraft('a4');
    expect(takeLocalDraft('a4', serverKey, hero)).toEqual(draft);
    forgetSetAside('a4');
    expect(takeLocalDraft('a4', serverKey, hero)).toBeNull();
  });

  it('prefers a newer copy to one set aside earlier', () => {
    writeLocalDraft('a5', draft);
    const serverKey = contentKey({ ...draft, title: 'Server' });
    takeLocalDraft('a5', serverKey, hero);
    const newer = { ...draft, title: 'Newer', savedAt: 2 };
    writeLocalDraft('a5', newer);
    expect(takeLocalDraft('a5', serverKey, hero)).toEqual(newer);
  });
});
