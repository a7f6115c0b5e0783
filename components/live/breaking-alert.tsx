'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { followLive } from './live-stream';

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
function pick(alerts: ReaderAlert[], now: number): { alert: ReaderAlert | null; changesAt: number | null } {
  const live = alerts.find((a) => Date.parse(a.startsAt) <= now && (!a.endsAt || Date.parse(a.endsAt) > now)) ?? null;
  const times = alerts.flatMap((a) => [Date.parse(a.startsAt), a.endsAt ? Date.parse(a.endsAt) : Infinity]).filter((t) => t > now && t < Infinity);
  return { alert: live, changesAt: times.length ? Math.min(...times) : null };
}

/**
 * The breaking-news line at the top of every public page. Drawn in the browser from the live
 * stream, so cached pages and pages already open show it (and lose it) within moments.
 */
export function BreakingAlert() {
  const [alerts, setAlerts] = useState<ReaderAlert[]>([]);
  const [now, setNow] = useState(() => Date.now());
  const [hidden, setHidden] = useState<string | null>(null);

  useEffect(
    () =>
      followLive('site', (m) => {
        if ((m.type === 'snapshot' || m.type === 'alerts') && Array.isArray(m.alerts)) {
          setAlerts(m.alerts as ReaderAlert[]);
          setNow(Date.now());
        }
      }),
    [],
  );
  const { alert, changesAt } = pick(alerts, now);
  useEffect(() => {
    if (changesAt === null) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(changesAt - Date.now() + 50, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [changesAt]);

  const show = alert && hidden !== alert.id && !dismissed(alert.id) ? alert : null;
  return (
    // The live region exists before any alert, so screen readers announce one when it arrives.
    <div aria-live="polite" aria-atomic="true">
      {show ? (
        <section aria-label={`${LABELS[show.level]} news`} className="border-b-4 border-danger bg-surface-muted">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-3">
            <span className="rounded bg-danger-soft px-2 py-0.5 text-sm font-bold uppercase tracking-wide text-danger">{LABELS[show.level]}</span>
            <p className="min-w-0 flex-1 font-semibold">
              {show.link ? (
                <a href={show.link} className="underline">
                  {show.text}
                </a>
              ) : (
                show.text
              )}
            </p>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => {
                try {
                  localStorage.setItem(dismissedKey(show.id), '1');
                } catch {
                  // private mode: dismissed for this page view only
                }
                setHidden(show.id);
              }}
            >
              Dismiss alert
            </Button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
