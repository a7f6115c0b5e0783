'use client';

import { useEffect, useId, useState } from 'react';
import { ALT_REQUIRED_MESSAGE, IMAGE_TEXT_LIMITS } from '@/lib/articles/body-schema';
import type { ClientMediaItem } from '@/lib/media/client-item';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { useDescribeMedia } from './media-actions';
import { MediaUploader } from './media-uploader';

export type ChosenImage = { item: ClientMediaItem; alt: string; caption: string; credit: string };

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
  const headingId = useId();
  const [items, setItems] = useState<ClientMediaItem[]>([]);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState('');
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<ClientMediaItem | null>(null);
  const [text, setText] = useState({ alt: '', caption: '', credit: '' });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

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

  // Images still being processed (uploaded here or elsewhere) are asked after until they are ready.
  const pendingIds = open ? items.filter((i) => i.status === 'PROCESSING').map((i) => i.id) : [];
  const pendingKey = pendingIds.join(',');
  useEffect(() => {
    if (!pendingKey) return;
    const timer = setTimeout(async () => {
      const fresh = await Promise.all(
        pendingKey.split(',').map((id) =>
          fetch(`/api/media/${id}`, { cache: 'no-store' })
            .then((r) => (r.ok ? (r.json() as Promise<{ item: ClientMediaItem }>) : null))
            .then((b) => b?.item ?? null)
            .catch(() => null),
        ),
      );
      const byId = new Map(fresh.flatMap((i) => (i ? [[i.id, i] as const] : [])));
      // A new array either way, so the next look is scheduled while any is still processing.
      setItems((list) => list.map((i) => byId.get(i.id) ?? i));
    }, 2000);
    return () => clearTimeout(timer);
  }, [pendingKey, items]);

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
    <Dialog open={open} onClose={onClose} title={title} size="lg">
      <MediaUploader
        maxMegabytes={maxMegabytes}
        onUploaded={(item) => {
          setItems((list) => [item, ...list.filter((i) => i.id !== item.id)]);
          if (item.status === 'READY') select(item);
        }}
      />
      <div className="mt-4 flex flex-wrap items-end gap-2">
        <Field id={`${headingId}-q`} label="Search the library">
          {(p) => (
            <Input
              {...p}
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void load(q);
                }
              }}
            />
          )}
        </Field>
        <Button onClick={() => void load(q)}>Search</Button>
      </div>
      {loading ? (
        <p role="status" className="mt-3 text-sm text-muted">
          Loading images…
        </p>
      ) : null}
      {loadError ? (
        <Alert tone="danger" className="mt-3">
          {loadError}
        </Alert>
      ) : null}
      {!loading && !loadError && !items.length ? <p className="mt-3 text-sm text-muted">No images yet: upload one above.</p> : null}
      <ul aria-label="Library images" className="mt-3 grid grid-cols-3 gap-2 sm:grid-cols-5">
        {items.map((item) => (
          <li key={item.id}>
            {item.status === 'READY' ? (
              <button
                type="button"
                aria-pressed={selected?.id === item.id}
                onClick={() => select(item)}
                className="block w-full overflow-hidden rounded-md border-2 border-transparent aria-pressed:border-accent"
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- a stored thumbnail */}
                <img src={item.thumbnailUrl} alt={item.alt || `${item.filename} (no alt text yet)`} width={160} height={120} className="aspect-[4/3] w-full bg-surface-muted object-cover" />
              </button>
            ) : (
              <p className="flex aspect-[4/3] w-full items-center justify-center rounded-md border-2 border-dashed border-subtle bg-surface-muted p-1 text-center text-xs text-muted">
                {item.filename}: {item.status === 'PROCESSING' ? 'processing…' : 'could not be processed'}
              </p>
            )}
          </li>
        ))}
      </ul>
      {selected ? (
        <section aria-label="Image details" className="mt-4 grid gap-3 rounded-lg border border-subtle bg-surface-muted p-4">
          <p className="text-sm">
            Selected: <strong>{selected.filename}</strong> ({selected.width}×{selected.height})
          </p>
          <Field
            id={`${headingId}-alt`}
            label="Alt text (required)"
            hint={
              mode === 'hero' && selected.alt.trim()
                ? 'The hero uses the alt text from the media library; change it there.'
                : 'What a reader who cannot see the image needs to know. An image without alt text cannot be inserted.'
            }
          >
            {(p) => (
              <Textarea
                {...p}
                rows={2}
                value={text.alt}
                maxLength={IMAGE_TEXT_LIMITS.alt}
                readOnly={mode === 'hero' && !!selected.alt.trim()}
                onChange={(e) => setText((t) => ({ ...t, alt: e.target.value }))}
                aria-invalid={!!error}
                aria-describedby={`${headingId}-alt-hint${error ? ` ${headingId}-alt-error` : ''}`}
              />
            )}
          </Field>
          {error ? (
            <p id={`${headingId}-alt-error`} role="alert" className="-mt-2 text-sm font-medium text-danger">
              {error}
            </p>
          ) : null}
          {mode === 'insert' ? (
            <div className="grid gap-3 sm:grid-cols-2">
              <Field id={`${headingId}-caption`} label="Caption">
                {(p) => <Input {...p} value={text.caption} maxLength={IMAGE_TEXT_LIMITS.caption} onChange={(e) => setText((t) => ({ ...t, caption: e.target.value }))} />}
              </Field>
              <Field id={`${headingId}-credit`} label="Credit">
                {(p) => <Input {...p} value={text.credit} maxLength={IMAGE_TEXT_LIMITS.credit} onChange={(e) => setText((t) => ({ ...t, credit: e.target.value }))} />}
              </Field>
            </div>
          ) : null}
          <div>
            <Button variant="primary" onClick={() => void choose()} disabled={busy}>
              {busy ? 'Saving…' : mode === 'hero' ? 'Use as hero image' : 'Insert image'}
            </Button>
          </div>
        </section>
      ) : null}
    </Dialog>
  );
}
