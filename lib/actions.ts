import 'server-only';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-states';
import { AppError, toAppError } from '@/lib/errors';

export type { ActionState };

/** The submitted text fields, to put back into a form after an error (files and Next's own fields left out). */
export function formValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string' && !k.startsWith('$ACTION')) out[k] = v;
  return out;
}

/** Form data as a plain object: a field sent once is a string, a field sent several times a list (see formList). */
export function formFields(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v !== 'string' || k.startsWith('$ACTION')) continue;
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

/** Parses a form with its zod schema (lib/validation); throws a ZodError for runAction to report by field. */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData): z.output<S> {
  return schema.parse(formFields(form));
}

/** Runs an action body and turns any failure into an ActionState with field messages. */
export async function runAction<T>(form: FormData, body: () => Promise<ActionState<T>>): Promise<ActionState<T>> {
  try {
    return await body();
  } catch (e) {
    // Next.js navigation (redirect/notFound) is signalled by throwing: let it through.
    if (e && typeof e === 'object' && 'digest' in e && String((e as { digest: unknown }).digest).startsWith('NEXT_')) throw e;
    const err = toAppError(e);
    return { ok: false, code: err.code, message: err.message, fieldErrors: err.details, values: formValues(form) };
  }
}

export { AppError };
