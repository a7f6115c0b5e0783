import 'server-only';
import { z } from 'zod';
import type { ActionState } from '@/lib/action-states';
import { AppError, toAppError } from '@/lib/errors';

export type { ActionState };

export function formValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string' && !k.startsWith('$ACTION')) out[k] = v;
  return out;
}

/** Parses form data with a zod schema; throws a ZodError for the action wrapper to report. */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData): z.output<S> {
  return schema.parse(formValues(form));
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
