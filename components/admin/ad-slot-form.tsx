'use client';

import { useActionState, useState, type ReactNode } from 'react';
import { Alert, ActionMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox, Radio } from '@/components/ui/checkbox';
import { Field, type FieldControlProps } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
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

const group = 'space-y-4 rounded-lg border border-subtle p-4';

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
  const field = (name: string, label: string, control: (p: FieldControlProps) => ReactNode, hint?: string) => (
    <Field id={`ad-${name}`} label={label} hint={hint} error={err(name)}>
      {control}
    </Field>
  );

  return (
    <form action={formAction} aria-label={id ? 'Edit ad slot' : 'New ad slot'} className="max-w-2xl space-y-5" noValidate>
      {id ? <input type="hidden" name="id" value={id} /> : null}
      {field(
        'name',
        'Name',
        (p) => (
          <Input {...p} name="name" type="text" defaultValue={v('name')} />
        ),
        'For the dashboard; also the image’s alternative text.',
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {field('placement', 'Placement', (p) => (
          <Select {...p} name="placement" value={placement} onChange={(e) => setPlacement(e.target.value)} options={AD_PLACEMENTS.map((value) => ({ value, label: AD_PLACEMENT_LABELS[value] }))} />
        ))}
        {placement === 'AFTER_PARAGRAPH'
          ? field(
              'paragraph',
              'Paragraph number (N)',
              (p) => <Input {...p} name="paragraph" type="text" inputMode="numeric" defaultValue={v('paragraph')} />,
              'The ad follows this paragraph of the article body; 1 is the first.',
            )
          : null}
      </div>

      <fieldset className={group}>
        <legend className="px-1 text-sm font-semibold">Creative</legend>
        <div className="flex flex-wrap gap-6">
          <Radio name="creativeType" value="image" checked={creativeType === 'image'} onChange={() => setCreativeType('image')} label="Image with a link" />
          <Radio name="creativeType" value="html" checked={creativeType === 'html'} onChange={() => setCreativeType('html')} label="HTML creative" />
        </div>
        {creativeType === 'image'
          ? field('imageUrl', 'Image URL', (p) => <Input {...p} name="imageUrl" type="url" defaultValue={v('imageUrl')} placeholder="https://" />, 'A full https:// address of the image.')
          : field(
              'html',
              'HTML',
              (p) => <Textarea {...p} name="html" rows={6} defaultValue={v('html')} className="font-mono text-sm" />,
              'Sanitised on the server when saved: scripts, styles, frames, forms and event handlers are removed; links open in a new tab and are marked sponsored.',
            )}
        {field(
          'linkUrl',
          creativeType === 'image' ? 'Link URL' : 'Link URL (optional)',
          (p) => (
            <Input {...p} name="linkUrl" type="url" defaultValue={v('linkUrl')} placeholder="https://" />
          ),
          'Where readers go when they select the ad.',
        )}
      </fieldset>

      <fieldset className={group}>
        <legend className="px-1 text-sm font-semibold">Reserved size (pixels)</legend>
        <p className="text-sm text-muted">The page keeps this space (scaled to the column) before the creative loads, so nothing jumps.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {field('width', 'Width', (p) => (
            <Input {...p} name="width" type="text" inputMode="numeric" defaultValue={v('width')} />
          ))}
          {field('height', 'Height', (p) => (
            <Input {...p} name="height" type="text" inputMode="numeric" defaultValue={v('height')} />
          ))}
        </div>
      </fieldset>

      <fieldset className={group}>
        <legend className="px-1 text-sm font-semibold">Dates ({timeZone} time)</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {field(
            'startsAt',
            'Starts',
            (p) => (
              <Input {...p} name="startsAt" type="datetime-local" defaultValue={v('startsAt')} />
            ),
            'Empty: runs from now.',
          )}
          {field(
            'endsAt',
            'Ends',
            (p) => (
              <Input {...p} name="endsAt" type="datetime-local" defaultValue={v('endsAt')} />
            ),
            'Empty: runs until switched off. Must be after the start.',
          )}
        </div>
      </fieldset>

      <Checkbox
        id="ad-active"
        name="active"
        defaultChecked={typed ? typed.active === 'on' : values.active}
        label={<strong>Active</strong>}
        hint="Switched off, the slot shows nowhere, whatever its dates."
      />

      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </Button>
      <ActionMessage state={state} />
    </form>
  );
}

/** "Delete ad slot": asks for a tick before anything is deleted. */
export function DeleteAdSlotForm({ id, name, action }: { id: string; name: string; action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} aria-label="Delete ad slot" className="space-y-3">
      <input type="hidden" name="id" value={id} />
      <Checkbox name="confirm" label={`Yes, delete “${name}” for good. It disappears from every page at once.`} />
      <Button type="submit" variant="danger" disabled={pending}>
        Delete ad slot
      </Button>
      <div aria-live="polite">{state.message ? <Alert tone="danger">{state.message}</Alert> : null}</div>
    </form>
  );
}
