import { THEME_CHOICES } from '@/lib/theme';

/**
 * The Light / Dark / System toggle of public pages, without React in the browser: rendered with
 * "System" pressed (the page is shared by every reader), brought to life by
 * components/islands/theme-toggle.ts. The dashboard uses ./theme-toggle.tsx.
 */
export function ThemeToggleStatic({ className = '' }: { className?: string }) {
  return (
    <div role="group" aria-label="Colour theme" data-island="theme-toggle" className={`inline-flex rounded-md border border-subtle p-0.5 text-xs ${className}`}>
      {THEME_CHOICES.map((o) => (
        <button
          key={o.value}
          type="button"
          data-choice={o.value}
          aria-pressed={o.value === 'system'}
          className="rounded px-2 py-1 font-semibold text-muted hover:text-fg aria-pressed:bg-surface-muted aria-pressed:text-fg"
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
