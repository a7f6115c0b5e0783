import { describe, expect, it } from 'vitest';
import { diffParagraphs, diffWords } from '@/lib/articles/diff';

describe('revision diff', () => {
  it('marks the words that changed inside a paragraph', () => {
    expect(diffWords('The council met on Monday.', 'The council met late on Tuesday.')).toEqual([
      { kind: 'same', text: 'The council met' },
      { kind: 'added', text: ' late' },
      { kind: 'same', text: ' on' },
      { kind: 'removed', text: ' Monday.' },
      { kind: 'added', text: ' Tuesday.' },
    ]);
  });

  it('keeps unchanged paragraphs whole and reports added and removed ones', () => {
    const before = 'First paragraph.\n\nSecond paragraph.\n\nThird paragraph.';
    const after = 'First paragraph.\n\nThird paragraph.\n\nA new ending.';
    expect(diffParagraphs(before, after)).toEqual([
      [{ kind: 'same', text: 'First paragraph.' }],
      [{ kind: 'removed', text: 'Second paragraph.' }],
      [{ kind: 'same', text: 'Third paragraph.' }],
      [{ kind: 'added', text: 'A new ending.' }],
    ]);
  });

  it('compares an edited paragraph word by word between unchanged ones', () => {
    expect(diffParagraphs('Intro.\n\nThe mayor said yes.\n\nEnd.', 'Intro.\n\nThe mayor said no.\n\nEnd.')).toEqual([
      [{ kind: 'same', text: 'Intro.' }],
      [
        { kind: 'same', text: 'The mayor said' },
        { kind: 'removed', text: ' yes.' },
        { kind: 'added', text: ' no.' },
      ],
      [{ kind: 'same', text: 'End.' }],
    ]);
  });

  it('shows no change between identical texts', () => {
    const text = 'One.\n\nTwo.';
    expect(
      diffParagraphs(text, text)
        .flat()
        .every((p) => p.kind === 'same'),
    ).toBe(true);
  });
});
