'use client';

import { useActionState, useState, type MouseEvent } from 'react';
import type { ActionState } from '@/lib/actions';
import { IMAGE_TEXT_LIMITS } from '@/lib/articles/body-schema';

const inputClass = 'mt-1 w-full rounded border border-black/30 bg-white px-3 py-2 text-neutral-900 aria-[invalid=true]:border-red-700 dark:border-white/30 dark:bg-neutral-900 dark:text-neutral-100';

type Item = { id: string; alt: string; caption: string; credit: string; focalX: number | null; focalY: number | null; src: string; width: number; height: number };

const pct = (v: number | null) => (v === null ? '' : String(Math.round(v * 1000) / 10));

/**
 * Alt text, caption, credit and the focal point. Click the image to set the point (or type
 * X/Y in percent); the preview shows the 1200×630 social crop the server will cut around it.
 */
export function MediaEditForm({ item, action, canEdit }: { item: Item; action: (prev: ActionState, form: FormData) => Promise<ActionState>; canEdit: boolean }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const [fields, setFields] = useState({ alt: item.alt, caption: item.caption, credit: item.credit, focalX: pct(item.focalX), focalY: pct(item.focalY) });
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const set = (k: keyof typeof fields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [k]: e.target.value }));
  const fx = fields.focalX === '' ? 50 : Math.min(100, Math.max(0, Number(fields.focalX) || 0));
  const fy = fields.focalY === '' ? 50 : Math.min(100, Math.max(0, Number(fields.focalY) || 0));

  function pick(e: MouseEvent<HTMLButtonElement>) {
    const box = e.currentTarget.getBoundingClientRect();
    const x = Math.round(((e.clientX - box.left) / box.width) * 1000) / 10;
    const y = Math.round(((e.clientY - box.top) / box.height) * 1000) / 10;
    setFields((f) => ({ ...f, focalX: String(Math.min(100, Math.max(0, x))), focalY: String(Math.min(100, Math.max(0, y))) }));
  }

  const error = (k: string) =>
    errors[k]?.[0] ? (
      <p id={`media-${k}-error`} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
        {errors[k]![0]}
      </p>
    ) : null;

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div>
        <button type="button" onClick={pick} disabled={!canEdit} aria-describedby="media-focal-hint" className="relative block w-full cursor-crosshair overflow-hidden rounded disabled:cursor-default">
          {/* eslint-disable-next-line @next/next/no-img-element -- a stored rendition, already sized */}
          <img src={item.src} alt={fields.alt || 'Image without alt text'} width={item.width} height={item.height} className="block h-auto w-full" />
          <span aria-hidden className="absolute size-5 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white bg-red-700/80 shadow" style={{ left: `${fx}%`, top: `${fy}%` }} />
          <span className="sr-only">Set the focal point</span>
        </button>
        <p id="media-focal-hint" className="mt-1 text-xs text-neutral-600 dark:text-neutral-300">
          Click the most important part of the picture: crops keep it in frame. Or type the point in percent below.
        </p>
        <p className="mt-4 text-sm font-semibold">Social card preview (1200×630)</p>
        {/* eslint-disable-next-line @next/next/no-img-element -- a preview of the crop, same file */}
        <img src={item.src} alt="" className="mt-1 aspect-[1200/630] w-full rounded object-cover" style={{ objectPosition: `${fx}% ${fy}%` }} />
      </div>
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="id" value={item.id} />
        <div>
          <label htmlFor="media-alt" className="block font-semibold">
            Alt text
          </label>
          <textarea id="media-alt" name="alt" rows={2} value={fields.alt} onChange={set('alt')} maxLength={IMAGE_TEXT_LIMITS.alt} readOnly={!canEdit} aria-invalid={!!errors.alt} aria-describedby="media-alt-hint" className={inputClass} />
          <p id="media-alt-hint" className="mt-1 text-xs text-neutral-600 dark:text-neutral-300">
            Required before the image can be inserted into an article or set as a hero image. Say what a reader who cannot see it needs to know.
          </p>
          {!fields.alt.trim() ? <p className="mt-1 text-sm font-medium text-red-800 dark:text-red-300">This image has no alt text yet, so it cannot be used in articles.</p> : null}
          {error('alt')}
        </div>
        <div>
          <label htmlFor="media-caption" className="block font-semibold">
            Caption
          </label>
          <textarea id="media-caption" name="caption" rows={2} value={fields.caption} onChange={set('caption')} maxLength={IMAGE_TEXT_LIMITS.caption} readOnly={!canEdit} className={inputClass} />
          {error('caption')}
        </div>
        <div>
          <label htmlFor="media-credit" className="block font-semibold">
            Credit
          </label>
          <input id="media-credit" name="credit" value={fields.credit} onChange={set('credit')} maxLength={IMAGE_TEXT_LIMITS.credit} readOnly={!canEdit} placeholder="Photographer / Agency" className={inputClass} />
          {error('credit')}
        </div>
        <fieldset className="flex flex-wrap gap-4">
          <legend className="font-semibold">Focal point</legend>
          <div>
            <label htmlFor="media-focal-x" className="block text-sm font-semibold">
              Focal X (% from left)
            </label>
            <input id="media-focal-x" name="focalX" type="number" min={0} max={100} step={0.1} value={fields.focalX} onChange={set('focalX')} readOnly={!canEdit} aria-invalid={!!errors.focalX} className={`${inputClass} w-32`} />
            {error('focalX')}
          </div>
          <div>
            <label htmlFor="media-focal-y" className="block text-sm font-semibold">
              Focal Y (% from top)
            </label>
            <input id="media-focal-y" name="focalY" type="number" min={0} max={100} step={0.1} value={fields.focalY} onChange={set('focalY')} readOnly={!canEdit} aria-invalid={!!errors.focalY} className={`${inputClass} w-32`} />
            {error('focalY')}
          </div>
        </fieldset>
        {canEdit ? (
          <button type="submit" disabled={pending} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white disabled:opacity-60 dark:bg-white dark:text-neutral-900">
            {pending ? 'Saving…' : 'Save image details'}
          </button>
        ) : (
          <p className="text-sm">You can edit only images you uploaded; ask an editor to change this one.</p>
        )}
        <div aria-live="polite">
          {state.message ? (
            <p role={state.ok ? 'status' : 'alert'} className={state.ok ? 'rounded bg-green-50 p-3 text-green-900' : 'rounded bg-red-50 p-3 text-red-900'}>
              {state.message}
            </p>
          ) : null}
        </div>
      </form>
    </div>
  );
}
