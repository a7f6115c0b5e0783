import { z } from 'zod';

// Building blocks for form schemas (parsed on the server by parseForm, lib/actions), shared with
// the browser. A form field arrives as one string, or as a list when the form sends it several
// times (checkboxes, ordered pickers).

/** A field that may be sent several times, or not at all: always an array. */
export const formList = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** A checkbox: ticked ("on") is true, absent is false. */
export const formCheckbox = z
  .string()
  .optional()
  .transform((v) => v === 'on');

/** A record's id from a hidden field. */
export const formId = z.string().trim().min(1).max(40);

/**
 * A form whose "tick to confirm" box (`confirm`) must be ticked: refused with `message` as the
 * form's message (an issue about the whole form, see toAppError) when it is not.
 */
export const withConfirmBox = <T extends z.ZodRawShape>(shape: T, message: string) =>
  z
    .object(shape)
    .extend({ confirm: z.string().optional() })
    .refine((v) => (v as { confirm?: string }).confirm === 'on', { message });
