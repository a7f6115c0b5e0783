import { describe, expect, it } from 'vitest';
import { allowedMoves, moveLink, nestLink, unnestLink, type EditableItem } from './tree';

const link = (key: string, children: string[] = []): EditableItem => ({
  key,
  label: key,
  kind: 'url',
  targetId: '',
  url: `/${key}`,
  children: children.map((c) => ({ key: c, label: c, kind: 'url', targetId: '', url: `/${c}` })),
});
const shape = (items: EditableItem[]) => items.map((i) => (i.children.length ? `${i.key}(${i.children.map((c) => c.key).join(',')})` : i.key)).join(' ');

describe('menu reordering', () => {
  const menu = [link('news'), link('world', ['europe', 'asia']), link('sport')];

  it('moves a top-level link with its sub-links, and a sub-link among its siblings only', () => {
    expect(shape(moveLink(menu, 'world', -1))).toBe('world(europe,asia) news sport');
    expect(shape(moveLink(menu, 'sport', 1))).toBe('news world(europe,asia) sport');
    expect(shape(moveLink(menu, 'asia', -1))).toBe('news world(asia,europe) sport');
    expect(shape(moveLink(menu, 'asia', 1))).toBe('news world(europe,asia) sport');
  });

  it('nests a link under the one before it, one level only, and takes it out again', () => {
    expect(shape(nestLink(menu, 'sport'))).toBe('news world(europe,asia,sport)');
    // A link with sub-links of its own cannot go under another: that would be a second level.
    expect(shape(nestLink(menu, 'world'))).toBe(shape(menu));
    expect(shape(unnestLink(menu, 'europe'))).toBe('news world(asia) europe sport');
  });

  it('offers only the moves that do something', () => {
    expect(allowedMoves(menu, 'news')).toEqual({ up: false, down: true, nest: false, unnest: false });
    expect(allowedMoves(menu, 'world')).toEqual({ up: true, down: true, nest: false, unnest: false });
    expect(allowedMoves(menu, 'asia')).toEqual({ up: true, down: false, nest: false, unnest: true });
    expect(allowedMoves(menu, 'sport')).toEqual({ up: true, down: false, nest: true, unnest: false });
  });
});
