/** Joins class names, skipping empty ones. Callers add classes; they do not override a component's own. */
export function cn(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}
