'use client';

import { useActionState, useState, type MouseEvent } from 'react';
import { ActionMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import type { ActionState } from '@/lib/actions';
import { IMAGE_TEXT_LIMITS } from '@/lib/articles/body-schema';

type Item = { id: string; version: number; alt: string; caption: string; credit: string; focalX: number | null; focalY: number | null; src: string; width: number; height: number };

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

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div>
        <button
          type="button"
          onClick={pick}
          disabled={!canEdit}
          aria-describedby="media-focal-hint"
          className="relative block w-full cursor-crosshair overflow-hidden rounded-md disabled:cursor-default"
        >
          {/* eslint-disable-next-line @next/next/no-img-element -- a stored rendition, already sized */}
          <img src={item.src} alt={fields.alt || 'Image without alt text'} width={item.width} height={item.height} className="block h-auto w-full" />
          <span aria-hidden className="absolute size-5 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white bg-red-700/80 shadow" style={{ left: `${fx}%`, top: `${fy}%` }} />
          <span className="sr-only">Set the focal point</span>
        </button>
        <p id="media-focal-hint" className="mt-1 text-xs text-muted">
          Click the most important part of the picture: crops keep it in frame. Or type the point in percent below.
        </p>
        <p className="mt-4 text-sm font-semibold">Social card preview (1200×630)</p>
        {/* eslint-disable-next-line @next/next/no-img-element -- a preview of the crop, same file */}
        <img src={item.src} alt="" className="mt-1 aspect-[1200/630] w-full rounded-md object-cover" style={{ objectPosition: `${fx}% ${fy}%` }} />
      </div>
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="id" value={item.id} />
        <input type="hidden" name="version" value={item.version} />
        <Field
          id="media-alt"
          label="Alt text"
          hint="Required before the image can be inserted into an article or set as a hero image. Say what a reader who cannot see it needs to know."
          error={errors.alt?.[0]}
        >
          {(p) => <Textarea {...p} name="alt" rows={2} value={fields.alt} onChange={set('alt')} maxLength={IMAGE_TEXT_LIMITS.alt} readOnly={!canEdit} />}
        </Field>
        {!fields.alt.trim() ? <p className="-mt-2 text-sm font-medium text-danger">This image has no alt text yet, so it cannot be used in articles.</p> : null}
        <Field id="media-caption" label="Caption" error={errors.caption?.[0]}>
          {(p) => <Textarea {...p} name="caption" rows={2} value={fields.caption} onChange={set('caption')} maxLength={IMAGE_TEXT_LIMITS.caption} readOnly={!canEdit} />}
        </Field>
        <Field id="media-credit" label="Credit" error={errors.credit?.[0]}>
          {(p) => <Input {...p} name="credit" value={fields.credit} onChange={set('credit')} maxLength={IMAGE_TEXT_LIMITS.credit} readOnly={!canEdit} placeholder="Photographer / Agency" />}
        </Field>
        <fieldset className="flex flex-wrap gap-4">
          <legend className="mb-1 text-sm font-semibold">Focal point</legend>
          <Field id="media-focal-x" label="Focal X (% from left)" error={errors.focalX?.[0]}>
            {(p) => <Input {...p} name="focalX" type="number" min={0} max={100} step={0.1} value={fields.focalX} onChange={set('focalX')} readOnly={!canEdit} fit className="w-32" />}
          </Field>
          <Field id="media-focal-y" label="Focal Y (% from top)" error={errors.focalY?.[0]}>
            {(p) => <Input {...p} name="focalY" type="number" min={0} max={100} step={0.1} value={fields.focalY} onChange={set('focalY')} readOnly={!canEdit} fit className="w-32" />}
          </Field>
        </fieldset>
        {canEdit ? (
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? 'Saving…' : 'Save image details'}
          </Button>
        ) : (
          <p className="text-sm text-muted">You can edit only images you uploaded; ask an editor to change this one.</p>
        )}
        <ActionMessage state={state} />
      </form>
    </div>
  );
}
