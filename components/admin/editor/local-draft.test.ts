import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentKey, readLocalDraft, writeLocalDraft, type LocalDraft } from './local-draft';

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
