'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import type { ActionState } from '@/lib/actions';

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

const DURATIONS = [
  { value: '1', label: '1 day' },
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: 'permanent', label: 'Permanently' },
];

/** "Ban commenter" under a comment in the moderation queue (admins only). */
export function BanFromCommentForm({ commentId, hasIp, action }: { commentId: string; hasIp: boolean; action: Action }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-semibold">Ban commenter</summary>
      <form action={formAction} className="mt-2 flex flex-wrap items-end gap-3" aria-label="Ban commenter">
        <input type="hidden" name="commentId" value={commentId} />
        <Checkbox name="banEmail" defaultChecked label="Email address" className="pb-1.5" />
        {hasIp ? <Checkbox name="banIp" label="IP address" className="pb-1.5" /> : null}
        <BanTermsFields idPrefix={`ban-${commentId}`} />
        <Button type="submit" variant="danger" size="sm" disabled={pending}>
          Ban
        </Button>
        <BanResult state={state} />
      </form>
    </details>
  );
}

/** "Ban an email or IP address" on the bans page. */
export function BanValueForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3 text-sm" aria-label="Ban an email or IP address">
      <Field id="ban-kind" label="Kind">
        {(p) => (
          <Select
            {...p}
            compact
            fit
            name="kind"
            defaultValue="EMAIL"
            options={[
              { value: 'EMAIL', label: 'Email address' },
              { value: 'IP', label: 'IP address' },
            ]}
          />
        )}
      </Field>
      <Field id="ban-value" label="Email or IP">
        {(p) => <Input {...p} compact name="value" required maxLength={254} defaultValue={state.ok ? '' : state.values?.value} />}
      </Field>
      <BanTermsFields idPrefix="ban-new" />
      <Button type="submit" variant="danger" size="sm" disabled={pending}>
        Add ban
      </Button>
      <BanResult state={state} />
    </form>
  );
}

/** Duration and reason: the terms shared by both ban forms. */
function BanTermsFields({ idPrefix }: { idPrefix: string }) {
  return (
    <>
      <Field id={`${idPrefix}-days`} label="Duration">
        {(p) => <Select {...p} compact fit name="days" defaultValue="permanent" options={DURATIONS} />}
      </Field>
      <Field id={`${idPrefix}-reason`} label="Reason">
        {(p) => <Input {...p} compact name="reason" maxLength={500} />}
      </Field>
    </>
  );
}

function BanResult({ state }: { state: ActionState }) {
  return state.message ? (
    <p role="status" className={state.ok ? 'w-full text-success' : 'w-full text-danger'}>
      {state.message} {state.fieldErrors ? Object.values(state.fieldErrors).flat().join(' ') : null}
    </p>
  ) : null;
}
