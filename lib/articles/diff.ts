// A readable word-level diff between two texts, for comparing revisions: paragraphs are aligned
// first, then changed paragraphs are compared word by word (the `diff` package's Myers diff over
// our own tokens, so whitespace stays with the word that follows it).
import { diffArrays } from 'diff';

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

const kindOf = (c: { added: boolean; removed: boolean }): DiffPart['kind'] => (c.added ? 'added' : c.removed ? 'removed' : 'same');

/** Word-level diff of two single paragraphs (whitespace kept with the words). */
export function diffWords(before: string, after: string): DiffPart[] {
  const split = (s: string) => s.match(/\s*\S+/g) ?? [];
  return diffArrays(split(before), split(after)).map((c) => ({ kind: kindOf(c), text: c.value.join('') }));
}

/** Paragraph-aligned diff: one entry per paragraph, each a list of parts. */
export function diffParagraphs(before: string, after: string): DiffPart[][] {
  const paras = (s: string) =>
    s
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
  // One entry per paragraph, in order, as the changes list them.
  const seq = diffArrays(paras(before), paras(after)).flatMap((c) => c.value.map((text) => ({ kind: kindOf(c), text })));
  const out: DiffPart[][] = [];
  for (let k = 0; k < seq.length; k++) {
    const cur = seq[k]!;
    const next = seq[k + 1];
    // A removal followed by an addition is an edited paragraph: show the words that changed.
    if (cur.kind === 'removed' && next?.kind === 'added') {
      out.push(diffWords(cur.text, next.text));
      k++;
    } else {
      out.push([cur]);
    }
  }
  return out;
}
