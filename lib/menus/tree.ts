// Editing a menu in the browser: its links as a list of top-level links, each with its
// sub-links (one level). Pure functions, so the menu editor's keyboard reordering is tested
// without a browser. No server-only: the menu editor imports it.

export type EditableLink = { key: string; label: string; kind: 'section' | 'page' | 'tag' | 'url'; targetId: string; url: string };
export type EditableItem = EditableLink & { children: EditableLink[] };

/** Where a link is: its index among the top-level links, and among its parent's sub-links. */
export function locate(items: EditableItem[], key: string): { top: number; child: number | null } | null {
  for (let top = 0; top < items.length; top++) {
    if (items[top]!.key === key) return { top, child: null };
    const child = items[top]!.children.findIndex((c) => c.key === key);
    if (child >= 0) return { top, child };
  }
  return null;
}

const swap = <T>(list: T[], i: number, j: number): T[] => {
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
};

/** Moves a link one place up (-1) or down (+1) among its siblings; a top-level link takes its sub-links along. */
export function moveLink(items: EditableItem[], key: string, by: -1 | 1): EditableItem[] {
  const at = locate(items, key);
  if (!at) return items;
  if (at.child === null) return swap(items, at.top, at.top + by);
  return items.map((item, i) => (i === at.top ? { ...item, children: swap(item.children, at.child!, at.child! + by) } : item));
}

/** Puts a top-level link (without sub-links of its own) under the link before it, as that link's last sub-link. */
export function nestLink(items: EditableItem[], key: string): EditableItem[] {
  const at = locate(items, key);
  if (!at || at.child !== null || at.top === 0 || items[at.top]!.children.length) return items;
  const { children: _none, ...link } = items[at.top]!;
  void _none;
  const next = items.filter((_, i) => i !== at.top);
  next[at.top - 1] = { ...next[at.top - 1]!, children: [...next[at.top - 1]!.children, link] };
  return next;
}

/** Takes a sub-link out to the top level, right after its former parent. */
export function unnestLink(items: EditableItem[], key: string): EditableItem[] {
  const at = locate(items, key);
  if (!at || at.child === null) return items;
  const parent = items[at.top]!;
  const link = parent.children[at.child]!;
  const next = [...items];
  next[at.top] = { ...parent, children: parent.children.filter((_, i) => i !== at.child) };
  next.splice(at.top + 1, 0, { ...link, children: [] });
  return next;
}

/** Which moves a link allows where it is now: the editor shows only these buttons. */
export function allowedMoves(items: EditableItem[], key: string) {
  const at = locate(items, key);
  if (!at) return { up: false, down: false, nest: false, unnest: false };
  const siblings = at.child === null ? items.length : items[at.top]!.children.length;
  const index = at.child ?? at.top;
  return { up: index > 0, down: index < siblings - 1, nest: at.child === null && at.top > 0 && items[at.top]!.children.length === 0, unnest: at.child !== null };
}
