import { Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';

// Protection of the GraphQL API: a query deeper than MAX_DEPTH or costlier than MAX_COST is
// refused before anything runs. The cost estimates database work: each object or loaded field
// counts 1, times the size of the list it sits in (a list's `first`, or its default).

export const MAX_DEPTH = 8;
export const MAX_COST = 1000;

/** Lists and how many items they return when `first` is not given. */
const LIST_DEFAULT: Record<string, number> = { articles: 20, sections: 100, tags: 100, authors: 100, pages: 100 };
/** Scalar fields that cost a read of their own on a list's articles. */
const LOADED = new Set(['body', 'corrections', 'heroImage', 'liveCoverage', 'wordCount', 'commentsOpen']);

type Measure = { depth: number; cost: number };

function intValue(node: ValueNode | undefined, variables: Record<string, unknown>): number | null {
  if (!node) return null;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const v = variables[node.name.value];
    return typeof v === 'number' ? v : null;
  }
  return null;
}

function listSize(field: FieldNode, variables: Record<string, unknown>): number {
  const fallback = LIST_DEFAULT[field.name.value];
  if (fallback === undefined) return 1;
  const first = intValue(field.arguments?.find((a) => a.name.value === 'first')?.value, variables);
  return Math.max(1, Math.min(first ?? fallback, 100));
}

/** Depth and cost of the operation that would run (nothing measured when it is ambiguous: execution will say why). */
export function measureQuery(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): Measure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return { depth: 0, cost: 0 };

  const walk = (set: SelectionSetNode, visiting: Set<string>): Measure => {
    let depth = 0;
    let cost = 0;
    for (const s of set.selections) {
      let m: Measure;
      if (s.kind === Kind.FIELD) {
        const inner = s.selectionSet ? walk(s.selectionSet, visiting) : { depth: 0, cost: 0 };
        const own = s.selectionSet || LOADED.has(s.name.value) ? 1 : 0;
        m = { depth: inner.depth + 1, cost: own + listSize(s, variables) * inner.cost };
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        m = walk(s.selectionSet, visiting);
      } else {
        const name = s.name.value;
        const fragment = fragments.get(name);
        // A cycle or an unknown fragment is invalid; validation reports it.
        if (!fragment || visiting.has(name)) continue;
        m = walk(fragment.selectionSet, new Set([...visiting, name]));
      }
      depth = Math.max(depth, m.depth);
      cost += m.cost;
    }
    return { depth, cost };
  };
  return walk(operation.selectionSet, new Set());
}

/** Why the query is refused, or null. */
export function limitError({ depth, cost }: Measure): { message: string; code: string } | null {
  if (depth > MAX_DEPTH) return { code: 'DEPTH_LIMIT_EXCEEDED', message: `This query is nested ${depth} levels deep; the limit is ${MAX_DEPTH}.` };
  if (cost > MAX_COST) return { code: 'COST_LIMIT_EXCEEDED', message: `This query would cost ${cost}; the limit is ${MAX_COST}. Ask for fewer items (first) or fewer fields per item.` };
  return null;
}
