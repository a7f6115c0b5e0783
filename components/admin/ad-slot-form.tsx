'use client';

import { useActionState, useState, type ReactNode } from 'react';
import type { ActionState } from '@/lib/actions';
import { AD_PLACEMENT_LABELS, AD_PLACEMENTS } from '@/lib/validation/ads';

export type AdSlotFormValues = {
  name: string;
  placement: string;
  paragraph: string;
  creativeType: 'image' | 'html';
  imageUrl: string;
  linkUrl: string;
  html: string;
  width: string;
  height: string;
  startsAt: string;
  endsAt: string;
  active: boolean;
};

const input =
  'mt-1 w-full rounded border border-black/30 bg-white px-3 py-2 text-neutral-900 aria-[invalid=true]:border-red-700 dark:border-white/30 dark:bg-neutral-900 dark:text-neutral-100';

/** The create/edit form of an ad slot; the server validates everything again and sanitises the HTML. */
export function AdSlotForm({
  action,
  values,
  submitLabel,
  timeZone,
  id,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  values: AdSlotFormValues;
  submitLabel: string;
  timeZone: string;
  id?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const typed = !state.ok ? state.values : undefined;
  const v = (k: Exclude<keyof AdSlotFormValues, 'active' | 'creativeType'>) => typed?.[k] ?? values[k];
  const [placement, setPlacement] = useState(values.placement);
  const [creativeType, setCreativeType] = useState(values.creativeType);
  const err = (k: string) => (state.ok ? undefined : state.fieldErrors?.[k]?.[0]);

  const field = (name: string, label: string, control: (common: Record<string, unknown>) => ReactNode, hint?: string) => {
    const fid = `ad-${name}`;
    const error = err(name);
    const describedBy = [error ? `${fid}-error` : '', hint ? `${fid}-hint` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div>
        <label htmlFor={fid} className="block text-sm font-semibold">
          {label}
        </label>
        {control({ id: fid, name, 'aria-invalid': !!error, 'aria-describedby': describedBy, className: input })}
        {hint ? (
          <p id={`${fid}-hint`} className="mt-1 text-sm text-neutral-600 dark:text-neutral-300">
            {hint}
          </p>
        ) : null}
        {error ? (
          <p id={`${fid}-error`} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form action={formAction} aria-label={id ? 'Edit ad slot' : 'New ad slot'} className="max-w-2xl space-y-5" noValidate>
      {id ? <input type="hidden" name="id" value={id} /> : null}
      {field('name', 'Name', (c) => <input {...c} type="text" defaultValue={v('name')} />, 'For the dashboard; also the image’s alternative text.')}
      <div className="grid gap-4 sm:grid-cols-2">
        {field('placement', 'Placement', (c) => (
          <select {...c} value={placement} onChange={(e) => setPlacement(e.target.value)}>
            {AD_PLACEMENTS.map((p) => (
              <option key={p} value={p}>
                {AD_PLACEMENT_LABELS[p]}
              </option>
            ))}
          </select>
        ))}
        {placement === 'AFTER_PARAGRAPH'
          ? field('paragraph', 'Paragraph number (N)', (c) => <input {...c} type="text" inputMode="numeric" defaultValue={v('paragraph')} />, 'The ad follows this paragraph of the article body; 1 is the first.')
          : null}
      </div>

      <fieldset className="space-y-4 rounded border border-black/10 p-4 dark:border-white/15">
        <legend className="px-1 text-sm font-semibold">Creative</legend>
        <div className="flex flex-wrap gap-6 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="creativeType" value="image" checked={creativeType === 'image'} onChange={() => setCreativeType('image')} />
            Image with a link
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="creativeType" value="html" checked={creativeType === 'html'} onChange={() => setCreativeType('html')} />
            HTML creative
          </label>
        </div>
        {creativeType === 'image'
          ? field('imageUrl', 'Image URL', (c) => <input {...c} type="url" defaultValue={v('imageUrl')} placeholder="https://" />, 'A full https:// address of the image.')
          : field(
              'html',
              'HTML',
              (c) => <textarea {...c} rows={6} defaultValue={v('html')} className={`${input} font-mono text-sm`} />,
              'Sanitised on the server when saved: scripts, styles, frames, forms and event handlers are removed; links open in a new tab and are marked sponsored.',
            )}
        {field('linkUrl', creativeType === 'image' ? 'Link URL' : 'Link URL (optional)', (c) => <input {...c} type="url" defaultValue={v('linkUrl')} placeholder="https://" />, 'Where readers go when they select the ad.')}
      </fieldset>

      <fieldset className="rounded border border-black/10 p-4 dark:border-white/15">
        <legend className="px-1 text-sm font-semibold">Reserved size (pixels)</legend>
        <p className="mb-3 text-sm text-neutral-600 dark:text-neutral-300">The page keeps this space (scaled to the column) before the creative loads, so nothing jumps.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {field('width', 'Width', (c) => <input {...c} type="text" inputMode="numeric" defaultValue={v('width')} />)}
          {field('height', 'Height', (c) => <input {...c} type="text" inputMode="numeric" defaultValue={v('height')} />)}
        </div>
      </fieldset>

      <fieldset className="rounded border border-black/10 p-4 dark:border-white/15">
        <legend className="px-1 text-sm font-semibold">Dates ({timeZone} time)</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {field('startsAt', 'Starts', (c) => <input {...c} type="datetime-local" defaultValue={v('startsAt')} />, 'Empty: runs from now.')}
          {field('endsAt', 'Ends', (c) => <input {...c} type="datetime-local" defaultValue={v('endsAt')} />, 'Empty: runs until switched off. Must be after the start.')}
        </div>
      </fieldset>

      <div className="flex items-start gap-2">
        <input id="ad-active" type="checkbox" name="active" defaultChecked={typed ? typed.active === 'on' : values.active} className="mt-1" />
        <label htmlFor="ad-active">
          <span className="font-semibold">Active</span>
          <span className="block text-sm text-neutral-600 dark:text-neutral-300">Switched off, the slot shows nowhere, whatever its dates.</span>
        </label>
      </div>

      <button type="submit" disabled={pending} className="rounded bg-neutral-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60 dark:bg-white dark:text-neutral-900">
        {pending ? 'Saving…' : submitLabel}
      </button>
      <div aria-live="polite">
        {state.message ? (
          <p role={state.ok ? 'status' : 'alert'} className={state.ok ? 'rounded bg-green-50 p-2 text-sm text-green-900' : 'rounded bg-red-50 p-2 text-sm text-red-900'}>
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}

/** "Delete ad slot": asks for a tick before anything is deleted. */
export function DeleteAdSlotForm({ id, name, action }: { id: string; name: string; action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} aria-label="Delete ad slot" className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="confirm" className="mt-1" />
        <span>Yes, delete “{name}” for good. It disappears from every page at once.</span>
      </label>
      <button type="submit" disabled={pending} className="rounded border border-red-700 px-4 py-2 text-sm font-semibold text-red-800 disabled:opacity-60 dark:border-red-400 dark:text-red-300">
        Delete ad slot
      </button>
      <div aria-live="polite">{state.message ? <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-900">{state.message}</p> : null}</div>
    </form>
  );
}
