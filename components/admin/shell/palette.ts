// What the command palette offers and how it narrows them as one types (pure, shared with tests).

export type Command = {
  id: string;
  label: string;
  /** Shown beside the label: the group, or an article's status. */
  hint?: string;
  href: string;
  /** More words it is found by. */
  keywords?: string;
};

/**
 * The commands matching `query`: every word must appear in the label or keywords (any case);
 * those whose label starts with the query come first, otherwise the given order is kept.
 */
export function matchCommands(commands: Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return commands;
  const q = words.join(' ');
  const hits = commands.filter((c) => {
    const text = `${c.label} ${c.keywords ?? ''}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  const starts = (c: Command) => (c.label.toLowerCase().startsWith(q) ? 0 : 1);
  return hits
    .map((c, i) => ({ c, i }))
    .sort((a, b) => starts(a.c) - starts(b.c) || a.i - b.i)
    .map(({ c }) => c);
}

/** The option after (or before) `index` among `count`, wrapping round; -1 (none) starts at an end. */
export function moveActive(index: number, count: number, by: 1 | -1): number {
  if (!count) return -1;
  if (index < 0) return by === 1 ? 0 : count - 1;
  return (index + by + count) % count;
}
