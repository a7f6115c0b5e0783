'use client';

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
  const btn = 'rounded border border-black/30 px-2 py-0.5 text-xs font-semibold disabled:opacity-40 dark:border-white/30';
  return (
    <div>
      {items.map((item) => (
        <input key={item.id} type="hidden" name={name} value={item.id} />
      ))}
      <ol aria-label={label} className="space-y-1">
        {items.map((item, i) => (
          <li key={item.id} className="flex flex-wrap items-center gap-2 rounded border border-black/10 px-2 py-1 text-sm dark:border-white/15">
            <span className="mr-auto">
              {i + 1}. {item.label}
            </span>
            <button type="button" className={btn} disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move up: ${item.label}`}>
              Move up
            </button>
            <button type="button" className={btn} disabled={i === items.length - 1} onClick={() => move(i, 1)} aria-label={`Move down: ${item.label}`}>
              Move down
            </button>
            {canRemove(item.id) ? (
              <button type="button" className={btn} onClick={() => onChange(items.filter((x) => x.id !== item.id))} aria-label={`Remove: ${item.label}`}>
                Remove
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {removeHint ? <p className="mt-1 text-xs text-neutral-600 dark:text-neutral-300">{removeHint}</p> : null}
    </div>
  );
}
