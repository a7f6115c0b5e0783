// The reader's colour theme in the browser: Light, Dark or System (the OS decides).
// Shared by the toggle (client) and kept in step with the inline script of lib/theme/script.mjs.
import { THEME_STORAGE_KEY } from './script.mjs';

export type ThemeChoice = 'light' | 'dark' | 'system';
export const THEME_CHOICES: { value: ThemeChoice; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'System' },
];

const CHANGE_EVENT = 'broadsheet:theme-change';

/** The stored choice; anything unreadable or unknown counts as "system". */
export function readThemeChoice(): ThemeChoice {
  try {
    const v = window.localStorage.getItem(THEME_STORAGE_KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

/** Remembers the choice in this browser and applies it at once, as the inline script does on the next page. */
export function setThemeChoice(choice: ThemeChoice) {
  try {
    if (choice === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage disabled: the choice still applies to this page.
  }
  applyThemeChoice(choice);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function applyThemeChoice(choice: ThemeChoice) {
  const root = document.documentElement;
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}

/** Calls `onChange` when the choice changes in this tab or another. */
export function subscribeThemeChoice(onChange: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key !== THEME_STORAGE_KEY) return;
    applyThemeChoice(readThemeChoice());
    onChange();
  };
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onStorage);
  };
}
