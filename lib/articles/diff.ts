// A readable word-level diff between two texts, for comparing revisions. Paragraphs are
// aligned first (LCS over paragraphs), then changed paragraphs are diffed word by word.

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

function lcsTable<T>(a: T[], b: T[]): number[][] {
  const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
    }
  }
  return t;
}

function diffSequence<T>(a: T[], b: T[]): { kind: DiffPart['kind']; a?: T; b?: T }[] {
  const t = lcsTable(a, b);
  const out: { kind: DiffPart['kind']; a?: T; b?: T }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', a: a[i] });
      i++;
      j++;
    } else if (t[i + 1]![j]! >= t[i]![j + 1]!) out.push({ kind: 'removed', a: a[i++] });
    else out.push({ kind: 'added', b: b[j++] });
  }
  while (i < a.length) out.push({ kind: 'removed', a: a[i++] });
  while (j < b.length) out.push({ kind: 'added', b: b[j++] });
  return out;
}

function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.kind === p.kind) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** Word-level diff of two single paragraphs (whitespace kept with the words). */
export function diffWords(before: string, after: string): DiffPart[] {
  const split = (s: string) => s.match(/\s*\S+/g) ?? [];
  return merge(diffSequence(split(before), split(after)).map((d) => ({ kind: d.kind, text: (d.kind === 'added' ? d.b : d.a) ?? '' })));
}

/** Paragraph-aligned diff: one entry per paragraph, each a list of parts. */
export function diffParagraphs(before: string, after: string): DiffPart[][] {
  const paras = (s: string) => s.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const seq = diffSequence(paras(before), paras(after));
  const out: DiffPart[][] = [];
  for (let k = 0; k < seq.length; k++) {
    const cur = seq[k]!;
    const next = seq[k + 1];
    // A removal followed by an addition is an edited paragraph: show the words that changed.
    if (cur.kind === 'removed' && next?.kind === 'added') {
      out.push(diffWords(cur.a!, next.b!));
      k++;
    } else {
      out.push([{ kind: cur.kind, text: (cur.kind === 'added' ? cur.b : cur.a) ?? '' }]);
    }
  }
  return out;
}
