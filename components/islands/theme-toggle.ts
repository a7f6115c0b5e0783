// Light / Dark / System in the footer: the server renders "System" pressed (pages are shared by
// every reader); the stored choice, already applied before the first paint by the inline theme
// script, shows as soon as this runs.
import { readThemeChoice, setThemeChoice, subscribeThemeChoice, type ThemeChoice } from '../../lib/theme';
import { islands } from './dom';

export function startThemeToggles() {
  for (const group of islands('theme-toggle')) {
    const buttons = [...group.querySelectorAll<HTMLButtonElement>('button[data-choice]')];
    const show = () => {
      const choice = readThemeChoice();
      for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.choice === choice));
    };
    for (const b of buttons) b.addEventListener('click', () => setThemeChoice(b.dataset.choice as ThemeChoice));
    subscribeThemeChoice(show);
    show();
  }
}
