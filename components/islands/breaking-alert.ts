// The breaking-news line at the top of every public page, drawn from the live stream, so cached
// pages and pages already open show it (and lose it) within moments. The markup is the server's
// (components/live/breaking-alert.tsx renders it in a <template>); this fills it in.
import { followLive } from '../live/live-stream';
import { fromTemplate, islands, slot } from './dom';

type ReaderAlert = { id: string; text: string; link: string | null; level: 'BREAKING' | 'DEVELOPING' | 'LIVE'; startsAt: string; endsAt: string | null };
const LABELS = { BREAKING: 'Breaking', DEVELOPING: 'Developing', LIVE: 'Live' } as const;
const dismissedKey = (id: string) => `broadsheet:alert-dismissed:${id}`;

function dismissed(id: string): boolean {
  try {
    return localStorage.getItem(dismissedKey(id)) === '1';
  } catch {
    return false;
  }
}

/** The alert live at `now` among those the stream sent, and when that may change. */
export function pickAlert(alerts: ReaderAlert[], now: number): { alert: ReaderAlert | null; changesAt: number | null } {
  const live = alerts.find((a) => Date.parse(a.startsAt) <= now && (!a.endsAt || Date.parse(a.endsAt) > now)) ?? null;
  const times = alerts.flatMap((a) => [Date.parse(a.startsAt), a.endsAt ? Date.parse(a.endsAt) : Infinity]).filter((t) => t > now && t < Infinity);
  return { alert: live, changesAt: times.length ? Math.min(...times) : null };
}

function start(region: HTMLElement) {
  let alerts: ReaderAlert[] = [];
  let hidden: string | null = null;
  let shownKey = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const render = () => {
    const { alert, changesAt } = pickAlert(alerts, Date.now());
    clearTimeout(timer);
    if (changesAt !== null) timer = setTimeout(render, Math.min(changesAt - Date.now() + 50, 2 ** 31 - 1));
    const show = alert && hidden !== alert.id && !dismissed(alert.id) ? alert : null;
    const key = show ? JSON.stringify(show) : '';
    if (key === shownKey) return;
    shownKey = key;
    region.querySelector('section')?.remove();
    if (!show) return;
    const section = fromTemplate(region, 'template[data-template="alert"]');
    if (!section) return;
    section.setAttribute('aria-label', `${LABELS[show.level]} news`);
    slot(section, 'level')!.textContent = LABELS[show.level];
    const text = slot(section, 'text')!;
    if (show.link) {
      const a = document.createElement('a');
      a.href = show.link;
      a.className = 'underline';
      a.textContent = show.text;
      text.append(a);
    } else text.textContent = show.text;
    slot(section, 'dismiss')!.addEventListener('click', () => {
      try {
        localStorage.setItem(dismissedKey(show.id), '1');
      } catch {
        // private mode: dismissed for this page view only
      }
      hidden = show.id;
      render();
    });
    region.append(section);
  };

  followLive('site', (m) => {
    if ((m.type === 'snapshot' || m.type === 'alerts') && Array.isArray(m.alerts)) {
      alerts = m.alerts as ReaderAlert[];
      render();
    }
  });
}

export function startBreakingAlert() {
  for (const region of islands('breaking-alert')) start(region);
}
