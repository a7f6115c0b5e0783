'use client';

import { useActionState, useId, type ReactNode } from 'react';
import { ActionMessage } from '@/components/ui/alert';
import { Button, type ButtonVariant } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Field } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import type { ActionState } from '@/lib/actions';

export type FormField =
  | { kind: 'hidden'; name: string; value: string }
  | {
      kind: 'text' | 'email' | 'password' | 'textarea' | 'number' | 'datetime-local';
      name: string;
      label: string;
      defaultValue?: string;
      autoComplete?: string;
      hint?: string;
    }
  | { kind: 'select'; name: string; label: string; defaultValue?: string; options: { value: string; label: string }[] };

/**
 * A labelled form around a server action: inline field messages from the server's zod
 * schema, the outcome announced in a live region, and what was typed kept on any error.
 */
export function ActionForm({
  action,
  fields,
  submitLabel,
  pendingLabel,
  variant = 'primary',
  inline = false,
  label,
  children,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  fields: FormField[];
  submitLabel: string;
  pendingLabel?: string;
  variant?: ButtonVariant;
  /** Fields and button on one row (table rows). */
  inline?: boolean;
  /** An accessible name for the form, e.g. "Role of Ada Lovelace". */
  label?: string;
  children?: ReactNode;
}) {
  const id = useId();
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  // React resets a form after its action runs: defaults come back as the submitted values after a
  // failure (nothing typed is lost) and as the given defaults after a success.
  const valueOf = (name: string, fallback?: string) => (!state.ok && state.values ? (state.values[name] ?? fallback) : fallback);

  return (
    <form action={formAction} aria-label={label} className={inline ? 'flex flex-wrap items-end gap-2' : 'space-y-4'} noValidate>
      {fields.map((f) => {
        if (f.kind === 'hidden') return <input key={f.name} type="hidden" name={f.name} value={f.value} />;
        const defaultValue = f.kind === 'password' ? undefined : valueOf(f.name, f.defaultValue);
        return (
          // In a table row the column names the field: its label is for screen readers.
          <Field key={f.name} id={`${id}-${f.name}`} label={f.label} labelHidden={inline} hint={'hint' in f ? f.hint : undefined} error={errors[f.name]?.[0]}>
            {(p) =>
              f.kind === 'select' ? (
                // A select ignores a new defaultValue once mounted: remount it so a reset shows the value to keep.
                <Select {...p} key={defaultValue} name={f.name} defaultValue={defaultValue} options={f.options} compact={inline} fit={inline} />
              ) : f.kind === 'textarea' ? (
                <Textarea {...p} name={f.name} rows={4} defaultValue={defaultValue} />
              ) : (
                <Input {...p} name={f.name} type={f.kind} defaultValue={defaultValue} autoComplete={f.autoComplete} />
              )
            }
          </Field>
        );
      })}
      {children}
      <Button type="submit" variant={variant} size={inline ? 'sm' : 'md'} disabled={pending}>
        {pending && pendingLabel ? pendingLabel : submitLabel}
      </Button>
      <ActionMessage state={state} className={cn(inline && 'basis-full')} />
    </form>
  );
}
