'use client';

import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field, FieldError } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import type { ActionState } from '@/lib/actions';
import { ADMIN_SCOPE_LABELS, ADMIN_SCOPES } from '@/lib/validation/api-keys';
import { SecretReveal } from './secret-reveal';

type CreatedKeyState = ActionState<{ label: string; key: string }>;

const KIND_OPTIONS = [
  { value: 'CONTENT', label: 'Content (read published content)' },
  { value: 'ADMIN', label: 'Admin (write, as a staff user)' },
];

/** The "Create key" form (a content key, or an admin key with its user and scopes), and the new key shown once after it succeeds. */
export function CreateApiKeyForm({
  action,
  staff,
  currentUserId,
}: {
  action: (prev: CreatedKeyState, form: FormData) => Promise<CreatedKeyState>;
  /** Active staff an admin key may act as. */
  staff: { id: string; name: string; role: string }[];
  currentUserId: string;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const values = state.ok ? {} : (state.values ?? {});
  const [kind, setKind] = useState(values.kind ?? 'CONTENT');
  const errors = state.fieldErrors ?? {};
  const created = state.ok ? state.data : undefined;
  const hasFieldError = Object.keys(errors).length > 0;
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-4" noValidate>
        <div className="flex flex-wrap items-start gap-3">
          <Field id="api-key-label" label="Label" hint="Who or what uses the key, e.g. “Mobile app”." error={errors.label?.[0]}>
            {(p) => <Input {...p} name="label" required maxLength={80} fit className="w-72" defaultValue={values.label ?? ''} />}
          </Field>
          <Field id="api-key-kind" label="Key type" error={errors.kind?.[0]}>
            {(p) => <Select {...p} name="kind" fit value={kind} onChange={(e) => setKind(e.target.value)} options={KIND_OPTIONS} />}
          </Field>
        </div>
        {kind === 'ADMIN' ? (
          <div className="space-y-4">
            <Field id="api-key-acts-as" label="Acts as" hint="The key’s calls follow this user’s role and ownership rules, and stop if the user is deactivated." error={errors.actsAsId?.[0]}>
              {(p) => (
                <Select
                  {...p}
                  name="actsAsId"
                  required
                  fit
                  defaultValue={values.actsAsId ?? currentUserId}
                  options={staff.map((u) => ({ value: u.id, label: `${u.name} (${u.role.toLowerCase()})` }))}
                />
              )}
            </Field>
            <fieldset aria-describedby={errors.scopes ? 'api-key-scopes-error' : undefined}>
              <legend className="text-sm font-semibold">Scopes</legend>
              <div className="mt-2 grid gap-2 sm:grid-cols-2">
                {ADMIN_SCOPES.map((scope) => (
                  <Checkbox
                    key={scope}
                    id={`api-key-scope-${scope.replace(':', '-')}`}
                    name="scopes"
                    value={scope}
                    label={<code>{scope}</code>}
                    hint={ADMIN_SCOPE_LABELS[scope]}
                    defaultChecked={state.values ? String(state.values.scopes ?? '').includes(scope) : false}
                  />
                ))}
              </div>
              <FieldError id="api-key-scopes-error">{errors.scopes?.[0]}</FieldError>
            </fieldset>
          </div>
        ) : null}
        <Button type="submit" variant="primary" disabled={pending}>
          Create key
        </Button>
      </form>
      <div aria-live="polite">
        {!state.ok && state.message && !hasFieldError ? <Alert tone="danger">{state.message}</Alert> : null}
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
