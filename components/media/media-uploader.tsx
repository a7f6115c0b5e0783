'use client';

import { useId, useRef, useState, type DragEvent } from 'react';
import type { ClientMediaItem } from '@/lib/media/client-item';
import { buttonClass } from '@/components/ui/button';
import { ACCEPT_ATTRIBUTE, uploadSizeError } from '@/lib/media/limits';

type Upload = { key: string; name: string; progress: number; state: 'uploading' | 'processing' | 'done' | 'error'; message?: string };

/** Sends one file to POST /api/media, reporting upload progress; resolves with the item or an error message. */
function send(file: File, onProgress: (fraction: number) => void): Promise<{ item?: ClientMediaItem; error?: string }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/media');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = xhr.response as { item?: ClientMediaItem; error?: { message?: string } } | null;
      if (xhr.status === 201 && body?.item) resolve({ item: body.item });
      else if (xhr.status === 401) resolve({ error: 'Your session has ended. Sign in again, then upload the image again.' });
      else resolve({ error: body?.error?.message ?? `The upload failed (HTTP ${xhr.status}). Try again.` });
    };
    xhr.onerror = () => resolve({ error: 'The upload was interrupted. Check your connection and try again.' });
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** Follows an accepted upload until its sizes are made (READY) or cannot be (FAILED). */
async function untilProcessed(item: ClientMediaItem): Promise<ClientMediaItem> {
  let current = item;
  for (let wait = 500; current.status === 'PROCESSING'; wait = Math.min(wait * 1.5, 3000)) {
    await new Promise((r) => setTimeout(r, wait));
    try {
      const res = await fetch(`/api/media/${item.id}`, { cache: 'no-store' });
      if (res.status === 404) return { ...current, status: 'FAILED', processingError: 'This image was deleted from the library.' };
      if (res.ok) current = ((await res.json()) as { item: ClientMediaItem }).item;
    } catch {
      // offline for a moment: ask again
    }
  }
  return current;
}

/**
 * Drag-and-drop zone plus an "Upload images" file picker. Each file gets its own progress
 * bar and its own error; files go one at a time, so a slow server is never flooded.
 */
export function MediaUploader({
  maxMegabytes,
  onUploaded,
}: {
  maxMegabytes?: number;
  /** Called when an upload is accepted (status PROCESSING) and again when it is READY or FAILED. */ onUploaded?: (item: ClientMediaItem) => void;
}) {
  const hintId = useId();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const queue = useRef(Promise.resolve());

  const patch = (key: string, next: Partial<Upload>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...next } : u)));

  function start(files: FileList | File[]) {
    for (const file of Array.from(files)) {
      const key = `${file.name}-${file.size}-${Math.random().toString(36).slice(2)}`;
      const tooBig = maxMegabytes ? uploadSizeError(file.size, maxMegabytes) : null;
      setUploads((list) => [{ key, name: file.name, progress: 0, state: tooBig ? 'error' : 'uploading', message: tooBig ?? undefined }, ...list]);
      if (tooBig) continue;
      queue.current = queue.current.then(async () => {
        const result = await send(file, (f) => patch(key, { progress: f, state: f >= 1 ? 'processing' : 'uploading' }));
        patch(key, { progress: 1, state: result.item ? 'processing' : 'uploading' });
        if (result.item) {
          // Uploaded: its sizes are made on the server in the background, and the item follows.
          onUploaded?.(result.item);
          const item = await untilProcessed(result.item);
          if (item.status === 'FAILED') patch(key, { state: 'error', message: item.processingError ?? 'The image could not be processed. Try another file.' });
          else patch(key, { progress: 1, state: 'done', message: item.alt ? undefined : 'Uploaded. Add alt text before using it in an article.' });
          onUploaded?.(item);
        } else {
          patch(key, { state: 'error', message: result.error });
        }
      });
    }
  }

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length) start(e.dataTransfer.files);
  }

  return (
    <div>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`rounded-lg border-2 border-dashed p-6 text-center ${dragging ? 'border-accent bg-surface-muted' : 'border-strong bg-surface'}`}
      >
        <p className="text-sm">Drop images here, or</p>
        <label className={buttonClass({ variant: 'primary', className: 'mt-2 cursor-pointer focus-within:outline-3 focus-within:outline-offset-2 focus-within:outline-accent' })}>
          Upload images
          <input
            type="file"
            multiple
            accept={ACCEPT_ATTRIBUTE}
            aria-describedby={hintId}
            className="sr-only"
            onChange={(e) => {
              if (e.target.files?.length) start(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
        <p id={hintId} className="mt-2 text-xs text-muted">
          JPEG, PNG, WebP, AVIF or GIF{maxMegabytes ? `, up to ${maxMegabytes} MB each` : ''}.
        </p>
      </div>
      {uploads.length ? (
        <ul aria-label="Uploads" className="mt-3 space-y-2">
          {uploads.map((u) => (
            <li key={u.key} className="rounded-md border border-subtle bg-surface p-2 text-sm">
              <div className="flex justify-between gap-2">
                <span className="truncate font-medium">{u.name}</span>
                <span role="status">
                  {u.state === 'uploading' ? `${Math.round(u.progress * 100)}%` : u.state === 'processing' ? 'Making sizes…' : u.state === 'done' ? 'Uploaded' : 'Not uploaded'}
                </span>
              </div>
              {u.state !== 'error' ? (
                <progress aria-label={`Uploading ${u.name}`} max={1} value={u.state === 'processing' ? undefined : u.progress} className="mt-1 h-2 w-full accent-primary" />
              ) : null}
              {u.message ? (
                <p role={u.state === 'error' ? 'alert' : undefined} className={`mt-1 ${u.state === 'error' ? 'font-medium text-danger' : 'text-muted'}`}>
                  {u.message}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
