'use client';

import { useActionState, useId, type ReactNode } from 'react';
import type { ActionState } from '@/lib/actions';

export type FormField =
  | { kind: 'hidden'; name: string; value: string }
  | {
      kind: 'text' | 'email' | 'password' | 'textarea' | 'number';
      name: string;
      label: string;
      defaultValue?: string;
      autoComplete?: string;
      hint?: string;
    }
  | { kind: 'select'; name: string; label: string; defaultValue?: string; options: { value: string; label: string }[] };

const inputClass =
  'mt-1 w-full rounded border border-black/30 bg-white px-3 py-2 text-neutral-900 aria-[invalid=true]:border-red-700 dark:border-white/30 dark:bg-neutral-900 dark:text-neutral-100';

/**
 * A labelled form around a server action: inline field messages from the server's zod
 * schema, the outcome announced in a live region, and what was typed kept on any error.
 */
export function ActionForm({
  action,
  fields,
  submitLabel,
  pendingLabel,
  inline = false,
  label,
  children,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  fields: FormField[];
  submitLabel: string;
  pendingLabel?: string;
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
      <div className={inline ? 'contents' : 'space-y-4'}>
        {fields.map((f) => {
          if (f.kind === 'hidden') return <input key={f.name} type="hidden" name={f.name} value={f.value} />;
          const fid = `${id}-${f.name}`;
          const error = errors[f.name]?.[0];
          const describedBy = [error ? `${fid}-error` : '', 'hint' in f && f.hint ? `${fid}-hint` : ''].filter(Boolean).join(' ') || undefined;
          const common = { id: fid, name: f.name, 'aria-invalid': !!error, 'aria-describedby': describedBy, className: inputClass };
          const defaultValue = f.kind === 'password' ? undefined : valueOf(f.name, f.defaultValue);
          return (
            <div key={f.name} className={inline ? '' : undefined}>
              <label htmlFor={fid} className="block text-sm font-semibold">
                {f.label}
              </label>
              {f.kind === 'select' ? (
                // A select ignores a new defaultValue once mounted: remount it so a reset shows the value to keep.
                <select {...common} key={defaultValue} defaultValue={defaultValue}>
                  {f.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : f.kind === 'textarea' ? (
                <textarea {...common} rows={4} defaultValue={defaultValue} />
              ) : (
                <input {...common} type={f.kind} defaultValue={defaultValue} autoComplete={f.autoComplete} />
              )}
              {'hint' in f && f.hint ? (
                <p id={`${fid}-hint`} className="mt-1 text-sm text-neutral-600 dark:text-neutral-300">
                  {f.hint}
                </p>
              ) : null}
              {error ? (
                <p id={`${fid}-error`} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
                  {error}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      {children}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-neutral-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60 dark:bg-white dark:text-neutral-900"
      >
        {pending && pendingLabel ? pendingLabel : submitLabel}
      </button>
      <div aria-live="polite" className={inline ? 'basis-full' : undefined}>
        {state.message ? (
          <p role={state.ok ? 'status' : 'alert'} className={state.ok ? 'rounded bg-green-50 p-2 text-sm text-green-900' : 'rounded bg-red-50 p-2 text-sm text-red-900'}>
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
