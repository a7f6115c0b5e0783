'use client';

import { useEffect, useRef, useState } from 'react';

/** Autosave waits this long after the last change. */
export const AUTOSAVE_DELAY_MS = 2000;

/** Calls `save(key)` once changes pause for `delayMs`, while `enabled`; a new change restarts the wait. */
export function useAutosave(key: string, { enabled, save, delayMs = AUTOSAVE_DELAY_MS }: { enabled: boolean; save: (key: string) => unknown; delayMs?: number }) {
  const latest = useRef(save);
  useEffect(() => {
    latest.current = save;
  });
  useEffect(() => {
    if (!enabled) return;
    const timer = setTimeout(() => void latest.current(key), delayMs);
    return () => clearTimeout(timer);
  }, [key, enabled, delayMs]);
}

/** Whether the browser says it is offline; a failed request can say so too (`setOffline`). */
export function useOnlineStatus() {
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    const down = () => setOffline(true);
    const up = () => setOffline(false);
    window.addEventListener('offline', down);
    window.addEventListener('online', up);
    return () => {
      window.removeEventListener('offline', down);
      window.removeEventListener('online', up);
    };
  }, []);
  return [offline, setOffline] as const;
}
