'use client';

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { cn } from './cn';

export type ToastTone = 'success' | 'danger' | 'info';
type Toast = { id: number; message: string; tone: ToastTone };

const ToastContext = createContext<(message: string, tone?: ToastTone) => void>(() => {});

/** Shows a short message in the corner and reads it out politely: `toast('Comment approved.')`. */
export const useToast = () => useContext(ToastContext);

/** How long a message stays; errors stay until dismissed. */
const TOAST_MS = 8000;

const TONES: Record<ToastTone, string> = {
  success: 'border-success/40 text-success',
  danger: 'border-danger/40 text-danger',
  info: 'border-subtle text-fg',
};

/**
 * Holds the toasts of the dashboard. The live region is always mounted (a region added with its
 * message is not read), polite, and sits above the page's content in the reading order's end.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const show = useCallback((message: string, tone: ToastTone = 'success') => {
    const id = ++next.current;
    // The newest three: a burst of bulk results must not cover the screen.
    setToasts((list) => [...list.slice(-2), { id, message, tone }]);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div role="status" aria-live="polite" aria-label="Notifications" className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2">
        {toasts.map((t) => (
          <ToastItem key={t.id} toast={t} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  useEffect(() => {
    if (toast.tone === 'danger') return;
    const timer = setTimeout(() => onDismiss(toast.id), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);
  return (
    <div className={cn('pointer-events-auto flex items-start justify-between gap-3 rounded-lg border bg-surface px-4 py-3 text-sm font-medium shadow-lg', TONES[toast.tone])}>
      <p>{toast.message}</p>
      <button type="button" onClick={() => onDismiss(toast.id)} className="shrink-0 rounded px-1 text-muted hover:text-fg" aria-label="Dismiss notification">
        ×
      </button>
    </div>
  );
}
