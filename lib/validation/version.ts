import { z } from 'zod';

/**
 * The version a form was rendered with (a hidden field), for optimistic locking: the save is
 * refused if the row has moved on. Optional so that a change without a form behind it still works;
 * the admin API sends If-Match instead.
 */
export const formVersionSchema = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z.coerce.number({ error: 'The form’s version is not a number. Reload the page.' }).int('The form’s version is not a whole number. Reload the page.').min(1).max(1_000_000_000).optional(),
);
