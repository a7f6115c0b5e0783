// Small DOM helpers shared by the islands (no framework: each island is a few functions).

/** Every element under `root` (the document by default) marked `data-island="<name>"`. */
export const islands = (name: string, root: ParentNode = document): HTMLElement[] => [...root.querySelectorAll<HTMLElement>(`[data-island="${name}"]`)];

/** A copy of the first element of a <template> the server rendered, or null when there is none. */
export function fromTemplate<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | null {
  const template = root.querySelector<HTMLTemplateElement>(selector);
  const first = template?.content.firstElementChild;
  return first ? (first.cloneNode(true) as T) : null;
}

/** The element marked `data-slot="<name>"` inside `root`. */
export const slot = <T extends Element = HTMLElement>(root: ParentNode, name: string): T | null => root.querySelector<T>(`[data-slot="${name}"]`);
