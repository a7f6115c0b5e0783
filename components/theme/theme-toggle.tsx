'use client';

import { useSyncExternalStore } from 'react';
import { readThemeChoice, setThemeChoice, subscribeThemeChoice, THEME_CHOICES } from '@/lib/theme';

/**
 * Light / Dark / System, remembered in this browser. The server renders "System" (pages are
 * cached and shared by every reader); the stored choice shows once the page is interactive,
 * and was already applied before the first paint by the inline theme script.
 */
export function ThemeToggle({ className = '' }: { className?: string }) {
  const choice = useSyncExternalStore(subscribeThemeChoice, readThemeChoice, () => 'system' as const);
  return (
    <div role="group" aria-label="Colour theme" className={`inline-flex rounded-md border border-subtle p-0.5 text-xs ${className}`}>
      {THEME_CHOICES.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={choice === o.value}
          onClick={() => setThemeChoice(o.value)}
          className="rounded px-2 py-1 font-semibold text-muted hover:text-fg aria-pressed:bg-surface-muted aria-pressed:text-fg"
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
