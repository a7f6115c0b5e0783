'use client';

import { useActionState, useId, useState, type FormEvent, type ReactNode } from 'react';
import { ActionMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import type { ActionState } from '@/lib/action-states';
import { PLAN_STATUS_OPTIONS, planFormSchema, planProgressFormSchema } from '@/lib/validation/planning';

type Option = { value: string; label: string };
export type PlanFormValues = { headline: string; assigneeId: string; sectionId: string; targetWords: string; due: string; notes: string; status: string };

/**
 * The plan form: every field for editors (`kind="full"`), status and notes for the assignee
 * (`kind="progress"`). Checked in the browser with the schema the server action parses with.
 */
export function PlanForm({
  kind,
  action,
  planId,
  version,
  initial,
  staff = [],
  sections = [],
  timeZone,
  submitLabel,
}: {
  kind: 'full' | 'progress';
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  planId?: string;
  /** The plan's version as shown: a save after someone else's is refused with a message, not applied over it. */
  version?: number;
  initial: PlanFormValues;
  staff?: Option[];
  sections?: Option[];
  timeZone: string;
  submitLabel: string;
}) {
  const id = useId();
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const serverErrors = state.ok ? {} : (state.fieldErrors ?? {});
  const errorOf = (name: string) => clientErrors[name] ?? serverErrors[name]?.[0];
  // After a failure the form shows what was sent; otherwise the saved values.
  const valueOf = (name: keyof PlanFormValues) => (!state.ok && state.values ? (state.values[name] ?? initial[name]) : initial[name]);

  function validate(e: FormEvent<HTMLFormElement>) {
    const fields = Object.fromEntries([...new FormData(e.currentTarget).entries()].filter(([, v]) => typeof v === 'string'));
    const parsed = (kind === 'full' ? planFormSchema : planProgressFormSchema).safeParse(fields);
    if (parsed.success) return setClientErrors({});
    e.preventDefault();
    const errs: Record<string, string> = {};
    for (const issue of parsed.error.issues) errs[String(issue.path[0])] ??= issue.message;
    setClientErrors(errs);
  }

  const field = (name: keyof PlanFormValues, label: string, control: (p: { id: string; name: string; defaultValue: string }) => ReactNode, hint?: string) => (
    <Field id={`${id}-${name}`} label={label} hint={hint} error={errorOf(name)}>
      {(p) => control({ ...p, name, defaultValue: valueOf(name) })}
    </Field>
  );

  return (
    <form action={formAction} onSubmit={validate} noValidate className="space-y-4" aria-label={submitLabel}>
      {planId ? <input type="hidden" name="planId" value={planId} /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {kind === 'full' ? (
        <>
          {field('headline', 'Working headline', (p) => (
            <Input {...p} autoComplete="off" />
          ))}
          <div className="grid gap-4 sm:grid-cols-2">
            {field('assigneeId', 'Assignee', (p) => (
              <Select {...p} key={p.defaultValue}>
                <option value="">Nobody yet</option>
                {staff.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            ))}
            {field('sectionId', 'Section', (p) => (
              <Select {...p} key={p.defaultValue}>
                <option value="">No section</option>
                {sections.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            ))}
            {field('targetWords', 'Target length (words)', (p) => (
              <Input {...p} type="number" inputMode="numeric" min={1} />
            ))}
            {field(
              'due',
              'Due',
              (p) => (
                <Input {...p} type="datetime-local" />
              ),
              `Date and time, ${timeZone} time.`,
            )}
          </div>
        </>
      ) : null}
      {field('status', 'Status', (p) => (
        <Select {...p} key={p.defaultValue} options={PLAN_STATUS_OPTIONS} />
      ))}
      {field('notes', 'Notes', (p) => (
        <Textarea {...p} rows={4} />
      ))}
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </Button>
      <ActionMessage state={state} />
    </form>
  );
}
