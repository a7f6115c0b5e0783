'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { ALT_REQUIRED_MESSAGE, IMAGE_TEXT_LIMITS } from '@/lib/articles/body-schema';
import type { ClientMediaItem } from '@/lib/media/client-item';
import { useDescribeMedia } from './media-actions';
import { MediaUploader } from './media-uploader';

export type ChosenImage = { item: ClientMediaItem; alt: string; caption: string; credit: string };

const inputClass = 'mt-1 w-full rounded border border-black/30 bg-white px-3 py-2 text-neutral-900 aria-[invalid=true]:border-red-700 dark:border-white/30 dark:bg-neutral-900 dark:text-neutral-100';

/**
 * A modal dialog to choose an image from the library or upload one, then give it alt text
 * (required: the insert button refuses without it), a caption and a credit. Alt text given
 * here also fills the library's blank one, so the image is described once for every use.
 */
export function MediaPicker({
  open,
  mode,
  maxMegabytes,
  onClose,
  onChoose,
}: {
  open: boolean;
  mode: 'insert' | 'hero';
  /** The server's upload limit, for an early check in the browser (the server checks anyway). */
  maxMegabytes?: number;
  onClose: () => void;
  onChoose: (chosen: ChosenImage) => void;
}) {
  const describeMediaAction = useDescribeMedia();
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [items, setItems] = useState<ClientMediaItem[]>([]);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState('');
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<ClientMediaItem | null>(null);
  const [text, setText] = useState({ alt: '', caption: '', credit: '' });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  async function load(query: string) {
    setLoading(true);
    setLoadError('');
    try {
      const res = await fetch(`/api/media?q=${encodeURIComponent(query)}`, { cache: 'no-store' });
      const body = (await res.json()) as { items?: ClientMediaItem[]; error?: { message: string } };
      if (!res.ok || !body.items) throw new Error(body.error?.message ?? 'The library could not be loaded.');
      setItems(body.items);
    } catch (e) {
      setLoadError(`${(e as Error).message} Close this and try again.`);
    } finally {
      setLoading(false);
    }
  }

  // The library is fetched whenever the dialog opens.
  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => void load(''), 0);
    return () => clearTimeout(timer);
  }, [open]);

  function select(item: ClientMediaItem) {
    setSelected(item);
    setText({ alt: item.alt, caption: item.caption, credit: item.credit });
    setError('');
  }

  async function choose() {
    if (!selected) return;
    const alt = text.alt.trim();
    if (!alt) return setError(mode === 'hero' ? 'Add alt text before setting this image as the hero: describe what a reader who cannot see it needs to know.' : ALT_REQUIRED_MESSAGE);
    setBusy(true);
    let item = selected;
    // First use describes the image in the library; a failure here must not lose the insertion.
    if (!selected.alt.trim() || (!selected.caption && text.caption) || (!selected.credit && text.credit)) {
      try {
        const result = await describeMediaAction(selected.id, { alt, caption: text.caption.trim(), credit: text.credit.trim() });
        if (result.ok && result.data) item = result.data;
        else if (mode === 'hero') {
          setBusy(false);
          return setError(result.message ?? 'The alt text could not be saved to the library. Try again.');
        }
      } catch {
        if (mode === 'hero') {
          setBusy(false);
          return setError('You appear to be offline. Try again when you are back online.');
        }
      }
    }
    setBusy(false);
    onChoose({ item, alt, caption: text.caption.trim(), credit: text.credit.trim() });
    setSelected(null);
  }

  const title = mode === 'hero' ? 'Choose a hero image' : 'Insert an image';
  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      onClose={onClose}
      className="m-auto w-[min(64rem,95vw)] rounded-lg bg-white p-0 text-neutral-900 backdrop:bg-black/50 dark:bg-neutral-900 dark:text-neutral-100"
    >
      {open ? (
        <div className="max-h-[90vh] overflow-y-auto p-5">
          <div className="flex items-start justify-between gap-3">
            <h2 id={headingId} className="text-xl font-bold">
              {title}
            </h2>
            <button type="button" onClick={onClose} className="rounded border border-black/30 px-3 py-1 text-sm font-semibold dark:border-white/30">
              Close
            </button>
          </div>
          <div className="mt-4">
            <MediaUploader
              maxMegabytes={maxMegabytes}
              onUploaded={(item) => {
                setItems((list) => [item, ...list.filter((i) => i.id !== item.id)]);
                select(item);
              }}
            />
          </div>
          <div className="mt-4 flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor={`${headingId}-q`} className="block text-sm font-semibold">
                Search the library
              </label>
              <input
                id={`${headingId}-q`}
                type="search"
                value={q}
                onChange={(e) => setQ(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    void load(q);
                  }
                }}
                className={inputClass}
              />
            </div>
            <button type="button" onClick={() => void load(q)} className="rounded border border-black/30 px-3 py-2 text-sm font-semibold dark:border-white/30">
              Search
            </button>
          </div>
          {loading ? <p role="status" className="mt-3 text-sm">Loading images…</p> : null}
          {loadError ? <p role="alert" className="mt-3 text-sm font-medium text-red-700">{loadError}</p> : null}
          {!loading && !loadError && !items.length ? <p className="mt-3 text-sm">No images yet: upload one above.</p> : null}
          <ul aria-label="Library images" className="mt-3 grid grid-cols-3 gap-2 sm:grid-cols-5">
            {items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  aria-pressed={selected?.id === item.id}
                  onClick={() => select(item)}
                  className={`block w-full overflow-hidden rounded border-2 ${selected?.id === item.id ? 'border-red-800' : 'border-transparent'}`}
                >
                  {/* eslint-disable-next-line @next/next/no-img-element -- a stored thumbnail */}
                  <img src={item.thumbnailUrl} alt={item.alt || `${item.filename} (no alt text yet)`} width={160} height={120} className="aspect-[4/3] w-full object-cover" />
                </button>
              </li>
            ))}
          </ul>
          {selected ? (
            <section aria-label="Image details" className="mt-4 grid gap-3 rounded border border-black/15 p-4 dark:border-white/20">
              <p className="text-sm">
                Selected: <strong>{selected.filename}</strong> ({selected.width}×{selected.height})
              </p>
              <div>
                <label htmlFor={`${headingId}-alt`} className="block font-semibold">
                  Alt text (required)
                </label>
                <textarea
                  id={`${headingId}-alt`}
                  rows={2}
                  value={text.alt}
                  maxLength={IMAGE_TEXT_LIMITS.alt}
                  readOnly={mode === 'hero' && !!selected.alt.trim()}
                  onChange={(e) => setText((t) => ({ ...t, alt: e.target.value }))}
                  aria-invalid={!!error}
                  aria-describedby={`${headingId}-alt-hint${error ? ` ${headingId}-alt-error` : ''}`}
                  className={inputClass}
                />
                <p id={`${headingId}-alt-hint`} className="mt-1 text-xs text-neutral-600 dark:text-neutral-300">
                  {mode === 'hero' && selected.alt.trim()
                    ? 'The hero uses the alt text from the media library; change it there.'
                    : 'What a reader who cannot see the image needs to know. An image without alt text cannot be inserted.'}
                </p>
                {error ? (
                  <p id={`${headingId}-alt-error`} role="alert" className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
                    {error}
                  </p>
                ) : null}
              </div>
              {mode === 'insert' ? (
                <div className="grid gap-3 sm:grid-cols-2">
                  <div>
                    <label htmlFor={`${headingId}-caption`} className="block font-semibold">
                      Caption
                    </label>
                    <input id={`${headingId}-caption`} value={text.caption} maxLength={IMAGE_TEXT_LIMITS.caption} onChange={(e) => setText((t) => ({ ...t, caption: e.target.value }))} className={inputClass} />
                  </div>
                  <div>
                    <label htmlFor={`${headingId}-credit`} className="block font-semibold">
                      Credit
                    </label>
                    <input id={`${headingId}-credit`} value={text.credit} maxLength={IMAGE_TEXT_LIMITS.credit} onChange={(e) => setText((t) => ({ ...t, credit: e.target.value }))} className={inputClass} />
                  </div>
                </div>
              ) : null}
              <div>
                <button type="button" onClick={() => void choose()} disabled={busy} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white disabled:opacity-60 dark:bg-white dark:text-neutral-900">
                  {busy ? 'Saving…' : mode === 'hero' ? 'Use as hero image' : 'Insert image'}
                </button>
              </div>
            </section>
          ) : null}
        </div>
      ) : null}
    </dialog>
  );
}
