'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { controlClass } from '@/components/ui/input';
import { ARTICLE_STATUS_LABEL } from '@/lib/articles/status';
import { matchCommands, moveActive, type Command } from './palette';

/** Typing pauses this long before the article search goes out. */
const SEARCH_DELAY_MS = 200;

/**
 * Ctrl/⌘+K (or the button): jump to any screen, open an article found by its title, or start
 * a new one. A combobox over a listbox: arrows move, Enter opens, Escape closes.
 */
export function CommandPalette({ screens, actions }: { screens: Command[]; actions: Command[] }) {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        className="flex min-w-0 items-center gap-3 rounded-md border border-subtle bg-surface-muted px-3 py-1.5 text-sm text-muted hover:text-fg sm:w-72"
      >
        <span className="truncate">Jump to…</span>
        <kbd className="ml-auto hidden rounded border border-subtle bg-surface px-1.5 font-sans text-xs sm:inline">Ctrl K</kbd>
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Jump to" size="md" className="mt-[12vh] mb-auto">
        <PaletteSearch screens={screens} actions={actions} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

type Section = { label: string; commands: Command[] };

function PaletteSearch({ screens, actions, onDone }: { screens: Command[]; actions: Command[]; onDone: () => void }) {
  const router = useRouter();
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [articles, setArticles] = useState<Command[]>([]);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      inflight.current?.abort();
    },
    [],
  );

  const sections: Section[] = [
    { label: 'Actions', commands: matchCommands(actions, query) },
    { label: 'Screens', commands: matchCommands(screens, query) },
    { label: 'Articles', commands: articles },
  ].filter((s) => s.commands.length);
  const options = sections.flatMap((s) => s.commands);
  const current = active >= 0 && active < options.length ? active : -1;
  const optionId = (i: number) => `${id}-option-${i}`;

  async function search(q: string) {
    inflight.current?.abort();
    const controller = new AbortController();
    inflight.current = controller;
    setSearching(true);
    try {
      const res = await fetch(`/api/dashboard/search?q=${encodeURIComponent(q)}`, { signal: controller.signal, cache: 'no-store' });
      const body = (await res.json()) as { articles?: { id: string; title: string; status: string }[]; error?: { message: string } };
      if (!res.ok || !body.articles) throw new Error(body.error?.message ?? 'The search failed.');
      setArticles(body.articles.map((a) => ({ id: `article-${a.id}`, label: a.title, hint: ARTICLE_STATUS_LABEL[a.status] ?? a.status, href: `/admin/articles/${a.id}` })));
      setSearchError('');
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      setArticles([]);
      setSearchError((e as Error).message || 'The search failed.');
    }
    if (inflight.current === controller) setSearching(false);
  }

  function onChange(value: string) {
    setQuery(value);
    setActive(0);
    if (timer.current) clearTimeout(timer.current);
    const q = value.trim();
    if (q.length < 2) {
      inflight.current?.abort();
      setArticles([]);
      setSearching(false);
      return;
    }
    timer.current = setTimeout(() => void search(q), SEARCH_DELAY_MS);
  }

  function go(command: Command | undefined) {
    if (!command) return;
    onDone();
    router.push(command.href);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(moveActive(current, options.length, e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Home' && options.length) {
      setActive(0);
    } else if (e.key === 'End' && options.length) {
      setActive(options.length - 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      go(options[current]);
    }
  }

  const status = searching ? 'Searching articles…' : searchError || (query.trim() ? `${options.length} result${options.length === 1 ? '' : 's'}` : '');
  let index = -1;
  return (
    <div>
      <label htmlFor={`${id}-input`} className="sr-only">
        Find a screen or an article
      </label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={`${id}-listbox`}
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        aria-autocomplete="list"
        autoComplete="off"
        data-autofocus
        value={query}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Type a screen or an article title…"
        className={controlClass({ className: 'text-base' })}
      />
      <p role="status" className="mt-2 min-h-5 text-xs text-muted">
        {status}
      </p>
      <div id={`${id}-listbox`} role="listbox" aria-label="Results" className="mt-1 max-h-[50vh] overflow-y-auto">
        {sections.map((s) => (
          <div key={s.label} role="group" aria-label={s.label} className="mb-2">
            <div aria-hidden className="px-2 py-1 text-xs font-semibold tracking-wide text-muted uppercase">
              {s.label}
            </div>
            {s.commands.map((c) => {
              index += 1;
              const i = index;
              return (
                <div
                  key={c.id}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === current}
                  onPointerMove={() => setActive(i)}
                  onClick={() => go(c)}
                  className="flex cursor-pointer items-center justify-between gap-3 rounded-md px-2 py-2 text-sm aria-selected:bg-surface-muted"
                >
                  <span className="truncate font-medium">{c.label}</span>
                  {c.hint ? <span className="shrink-0 text-xs text-muted">{c.hint}</span> : null}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
