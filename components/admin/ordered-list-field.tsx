'use client';

import { Button } from '@/components/ui/button';

/**
 * An ordered list of chosen items (a byline, pinned related articles) with Move up, Move
 * down and Remove buttons named after the item, so it can be rearranged from the keyboard
 * and with a screen reader. The order is posted as repeated hidden inputs named `name`.
 */
export function OrderedListField({
  name,
  label,
  items,
  onChange,
  canRemove = () => true,
  removeHint,
}: {
  name: string;
  label: string;
  items: { id: string; label: string }[];
  onChange: (items: { id: string; label: string }[]) => void;
  canRemove?: (id: string) => boolean;
  /** Why an item has no Remove button, when some have none. */
  removeHint?: string;
}) {
  const move = (i: number, by: number) => {
    const next = [...items];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    onChange(next);
  };
  return (
    <div>
      {items.map((item) => (
        <input key={item.id} type="hidden" name={name} value={item.id} />
      ))}
      <ol aria-label={label} className="space-y-1">
        {items.map((item, i) => (
          <li key={item.id} className="flex flex-wrap items-center gap-1 rounded-md border border-subtle bg-surface px-2 py-1 text-sm">
            <span className="mr-auto">
              {i + 1}. {item.label}
            </span>
            <Button variant="ghost" size="sm" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move up: ${item.label}`}>
              Move up
            </Button>
            <Button variant="ghost" size="sm" disabled={i === items.length - 1} onClick={() => move(i, 1)} aria-label={`Move down: ${item.label}`}>
              Move down
            </Button>
            {canRemove(item.id) ? (
              <Button variant="ghost" size="sm" onClick={() => onChange(items.filter((x) => x.id !== item.id))} aria-label={`Remove: ${item.label}`}>
                Remove
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
      {removeHint ? <p className="mt-1 text-xs text-muted">{removeHint}</p> : null}
    </div>
  );
}
