'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { ActionState } from '@/lib/actions';
import { SecretReveal } from './secret-reveal';

type CreatedKeyState = ActionState<{ label: string; key: string }>;

/** The "Create key" form, and the new key shown once after it succeeds. */
export function CreateApiKeyForm({ action }: { action: (prev: CreatedKeyState, form: FormData) => Promise<CreatedKeyState> }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const labelError = state.fieldErrors?.label?.[0];
  const created = state.ok ? state.data : undefined;
  return (
    <div className="space-y-4">
      <form action={formAction} className="flex flex-wrap items-start gap-3" noValidate>
        <Field id="api-key-label" label="Label" hint="Who or what uses the key, e.g. “Mobile app”." error={labelError}>
          {(p) => <Input {...p} name="label" required maxLength={80} fit className="w-72" defaultValue={state.ok ? '' : (state.values?.label ?? '')} />}
        </Field>
        <Button type="submit" variant="primary" disabled={pending} className="mt-6">
          Create key
        </Button>
      </form>
      <div aria-live="polite">
        {!state.ok && state.message && !labelError ? <Alert tone="danger">{state.message}</Alert> : null}
        {created ? (
          <SecretReveal
            id="new-api-key"
            label="New key"
            value={created.key}
            title={`New key for “${created.label}”: copy it now, it will not be shown again.`}
            note="Only a hash of the key is stored. If it is lost, revoke it and create another."
          />
        ) : null}
      </div>
    </div>
  );
}
