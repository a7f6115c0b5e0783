/**
 * A plain GET form to /search: works without JavaScript, keyboard-first. `id` keeps the
 * label/input pairs unique when the header and a page both show one.
 */
export function SearchForm({ id, defaultValue = '', compact = false, label = 'Search articles' }: { id: string; defaultValue?: string; compact?: boolean; label?: string }) {
  return (
    <form role="search" action="/search" method="get" aria-label={label} className={compact ? 'flex items-center gap-2' : 'flex flex-wrap items-end gap-2'}>
      <div className={compact ? 'flex items-center gap-2' : 'flex min-w-0 flex-1 flex-col'}>
        <label htmlFor={id} className={compact ? 'sr-only sm:not-sr-only' : 'text-sm font-semibold'}>
          {label}
        </label>
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={defaultValue}
          maxLength={200}
          autoComplete="off"
          placeholder={compact ? undefined : 'Words, "a phrase", -exclude'}
          className={`rounded border border-strong bg-surface px-2 text-fg ${compact ? 'w-36 py-1 text-sm sm:w-48' : 'mt-1 w-full py-2'}`}
        />
      </div>
      <button type="submit" className={`rounded bg-accent font-semibold text-on-accent hover:opacity-90 ${compact ? 'px-3 py-1 text-sm' : 'px-4 py-2'}`}>
        Search
      </button>
    </form>
  );
}

/** Segments of a marked snippet as text and <mark>: nothing is parsed as HTML. */
export function Highlighted({ segments }: { segments: { text: string; mark: boolean }[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.mark ? (
          <mark key={i} className="rounded-sm bg-warning-soft px-0.5 text-fg">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
