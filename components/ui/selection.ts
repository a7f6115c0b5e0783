// Row selection of a table, as pure functions over ids (shared by DataTable and its tests).

/** How many of `ids` are selected, and whether that is all or some of them (for the select-all box). */
export function selectionSummary(ids: readonly string[], selected: ReadonlySet<string>) {
  const count = ids.reduce((n, id) => n + (selected.has(id) ? 1 : 0), 0);
  return { count, all: ids.length > 0 && count === ids.length, some: count > 0 && count < ids.length };
}

export function toggleOne(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** Select-all: selects every row shown, or, when all are selected already, clears them (others stay as they were). */
export function toggleAll(ids: readonly string[], selected: ReadonlySet<string>): Set<string> {
  const next = new Set(selected);
  if (selectionSummary(ids, selected).all) for (const id of ids) next.delete(id);
  else for (const id of ids) next.add(id);
  return next;
}
