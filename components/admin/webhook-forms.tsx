'use client';

import { useActionState } from 'react';
import { ActionMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field, FieldError } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { ActionState } from '@/lib/actions';
import { SecretReveal } from './secret-reveal';

type Action<T = undefined> = (prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>;
type EventOption = { value: string; label: string };

/** URL and event checkboxes, shared by the register and edit forms. */
function WebhookFields({ idPrefix, state, events, url, selected }: { idPrefix: string; state: ActionState<unknown>; events: EventOption[]; url?: string; selected?: string[] }) {
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const keep = !state.ok && state.values;
  return (
    <>
      <Field id={`${idPrefix}-url`} label="Endpoint URL" hint="Events are POSTed here as JSON, e.g. https://example.com/hooks/broadsheet." error={errors.url?.[0]} className="max-w-xl">
        {(p) => <Input {...p} name="url" type="url" inputMode="url" defaultValue={keep ? (state.values?.url ?? url) : url} key={state.ok ? 'reset' : 'kept'} />}
      </Field>
      <fieldset aria-describedby={errors.events ? `${idPrefix}-events-error` : undefined}>
        <legend className="text-sm font-semibold">Events to send</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
          {events.map((e) => (
            <Checkbox
              key={e.value}
              name="events"
              value={e.value}
              defaultChecked={selected ? selected.includes(e.value) : true}
              label={
                <>
                  {e.label} <code className="text-xs text-muted">{e.value}</code>
                </>
              }
            />
          ))}
        </div>
        <FieldError id={`${idPrefix}-events-error`}>{errors.events?.[0]}</FieldError>
      </fieldset>
    </>
  );
}

/** "Register endpoint", then the signing secret shown once. */
export function CreateWebhookForm({ action, events }: { action: Action<{ url: string; secret: string; id: string }>; events: EventOption[] }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const created = state.ok ? state.data : undefined;
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-4" noValidate aria-label="Register an endpoint">
        <WebhookFields idPrefix="new-webhook" state={state} events={events} />
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Registering…' : 'Register endpoint'}
        </Button>
      </form>
      {created ? (
        <SecretReveal
          id="new-webhook-secret"
          label="Signing secret"
          value={created.secret}
          title={`Signing secret for ${created.url}: copy it now, it will not be shown again.`}
          note="Your receiver uses it to check the X-Broadsheet-Signature header. If it is lost, delete the endpoint and register it again."
        />
      ) : (
        <ActionMessage state={state} />
      )}
    </div>
  );
}

/** "Save changes" for an endpoint's URL and events. */
export function EditWebhookForm({ action, events, id, url, selected }: { action: Action; events: EventOption[]; id: string; url: string; selected: string[] }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Edit endpoint">
      <input type="hidden" name="id" value={id} />
      <WebhookFields idPrefix="edit-webhook" state={state} events={events} url={url} selected={selected} />
      <Button type="submit" variant="primary" disabled={pending}>
        Save changes
      </Button>
      <ActionMessage state={state} />
    </form>
  );
}
