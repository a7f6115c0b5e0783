'use client';

import { useActionState, useState } from 'react';
import type { ActionState } from '@/lib/actions';

type Action<T = undefined> = (prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>;
type EventOption = { value: string; label: string };

const inputClass = 'mt-1 w-full max-w-xl rounded border border-black/30 bg-white px-3 py-2 text-neutral-900 aria-[invalid=true]:border-red-700 dark:border-white/30 dark:bg-neutral-900 dark:text-neutral-100';
const buttonClass = 'rounded bg-neutral-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60 dark:bg-white dark:text-neutral-900';

function ErrorText({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
      {message}
    </p>
  ) : null;
}

/** URL and event checkboxes, shared by the register and edit forms. */
function WebhookFields({ idPrefix, state, events, url, selected }: { idPrefix: string; state: ActionState<unknown>; events: EventOption[]; url?: string; selected?: string[] }) {
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const keep = !state.ok && state.values;
  return (
    <>
      <div>
        <label htmlFor={`${idPrefix}-url`} className="block text-sm font-semibold">
          Endpoint URL
        </label>
        <input
          id={`${idPrefix}-url`}
          name="url"
          type="url"
          inputMode="url"
          defaultValue={keep ? (state.values?.url ?? url) : url}
          key={state.ok ? 'reset' : 'kept'}
          aria-invalid={!!errors.url}
          aria-describedby={`${idPrefix}-url-hint${errors.url ? ` ${idPrefix}-url-error` : ''}`}
          className={inputClass}
        />
        <p id={`${idPrefix}-url-hint`} className="mt-1 text-sm text-neutral-600 dark:text-neutral-300">
          Events are POSTed here as JSON, e.g. https://example.com/hooks/broadsheet.
        </p>
        <ErrorText id={`${idPrefix}-url-error`} message={errors.url?.[0]} />
      </div>
      <fieldset aria-describedby={errors.events ? `${idPrefix}-events-error` : undefined}>
        <legend className="text-sm font-semibold">Events to send</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
          {events.map((e) => (
            <label key={e.value} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="events" value={e.value} defaultChecked={selected ? selected.includes(e.value) : true} />
              {e.label} <code className="text-xs text-neutral-600 dark:text-neutral-300">{e.value}</code>
            </label>
          ))}
        </div>
        <ErrorText id={`${idPrefix}-events-error`} message={errors.events?.[0]} />
      </fieldset>
    </>
  );
}

function Outcome({ state }: { state: ActionState<unknown> }) {
  return (
    <div aria-live="polite">
      {state.message ? (
        <p role={state.ok ? 'status' : 'alert'} className={state.ok ? 'rounded bg-green-50 p-2 text-sm text-green-900' : 'rounded bg-red-50 p-2 text-sm text-red-900'}>
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

/** "Register endpoint", then the signing secret shown once. */
export function CreateWebhookForm({ action, events }: { action: Action<{ url: string; secret: string; id: string }>; events: EventOption[] }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const [copied, setCopied] = useState(false);
  const created = state.ok ? state.data : undefined;
  return (
    <div className="mt-4 space-y-4">
      <form action={formAction} className="space-y-4" noValidate aria-label="Register an endpoint">
        <WebhookFields idPrefix="new-webhook" state={state} events={events} />
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? 'Registering…' : 'Register endpoint'}
        </button>
      </form>
      {created ? (
        <div role="status" className="rounded border border-amber-400 bg-amber-50 p-4 text-amber-950">
          <p className="font-semibold">Signing secret for {created.url}: copy it now, it will not be shown again.</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <label htmlFor="new-webhook-secret" className="text-sm font-semibold">
              Signing secret
            </label>
            <input id="new-webhook-secret" readOnly value={created.secret} onFocus={(e) => e.currentTarget.select()} className="w-[34rem] max-w-full rounded border border-black/30 bg-white px-2 py-1 font-mono text-sm" />
            <button type="button" onClick={() => navigator.clipboard?.writeText(created.secret).then(() => setCopied(true), () => setCopied(false))} className="rounded border border-black/30 px-3 py-1 text-sm font-semibold">
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
          <p className="mt-2 text-sm">Your receiver uses it to check the X-Broadsheet-Signature header. If it is lost, delete the endpoint and register it again.</p>
        </div>
      ) : (
        <Outcome state={state} />
      )}
    </div>
  );
}

/** "Save changes" for an endpoint's URL and events. */
export function EditWebhookForm({ action, events, id, url, selected }: { action: Action; events: EventOption[]; id: string; url: string; selected: string[] }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="mt-4 space-y-4" noValidate aria-label="Edit endpoint">
      <input type="hidden" name="id" value={id} />
      <WebhookFields idPrefix="edit-webhook" state={state} events={events} url={url} selected={selected} />
      <button type="submit" disabled={pending} className={buttonClass}>
        Save changes
      </button>
      <Outcome state={state} />
    </form>
  );
}

/** A one-button form (Resend, Send test event, Disable, Delete endpoint) with its outcome beside it. */
export function WebhookButton({ action, fields, label, danger = false, confirm }: { action: Action; fields: Record<string, string>; label: string; danger?: boolean; confirm?: string }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} onSubmit={(e) => (confirm && !window.confirm(confirm) ? e.preventDefault() : undefined)} className="inline-block">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        className={
          danger
            ? 'rounded border border-red-700 px-3 py-1 text-sm font-semibold text-red-800 hover:bg-red-50 disabled:opacity-60 dark:border-red-400 dark:text-red-300'
            : 'rounded border border-black/30 px-3 py-1 text-sm font-semibold disabled:opacity-60 dark:border-white/30'
        }
      >
        {label}
      </button>
      {state.message ? (
        <p role={state.ok ? 'status' : 'alert'} className={`mt-1 text-sm ${state.ok ? 'text-green-800 dark:text-green-300' : 'text-red-800 dark:text-red-300'}`}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
