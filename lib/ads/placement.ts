import 'server-only';

export type BodySegment<S> = { kind: 'html'; html: string } | { kind: 'ad'; slot: S };

/**
 * The body as runs of block HTML with in-article slots between them: a slot for paragraph N
 * follows the Nth block; one past the end of a short article follows the last block.
 */
export function interleaveAds<S extends { paragraph: number | null }>(blocks: string[], slots: S[]): BodySegment<S>[] {
  const after = new Map<number, S[]>();
  for (const slot of slots) {
    const n = Math.min(Math.max(slot.paragraph ?? 1, 1), Math.max(blocks.length, 1));
    after.set(n, [...(after.get(n) ?? []), slot]);
  }
  const out: BodySegment<S>[] = [];
  let run: string[] = [];
  blocks.forEach((html, i) => {
    run.push(html);
    const here = after.get(i + 1);
    if (here) {
      out.push({ kind: 'html', html: run.join('\n') });
      run = [];
      for (const slot of here) out.push({ kind: 'ad', slot });
    }
  });
  if (run.length) out.push({ kind: 'html', html: run.join('\n') });
  if (!blocks.length) for (const slot of after.get(1) ?? []) out.push({ kind: 'ad', slot });
  return out;
}
