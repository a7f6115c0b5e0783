import 'server-only';
import { AppError } from '@/lib/errors';
import { describeMenuIssue, saveMenuFormSchema, saveMenuSchema, type SaveMenuInput } from '@/lib/validation/menus';

/** The menu editor's posted form (links as JSON in one field) as a checked menu; the first problem names its link. */
export function parseMenuForm(fields: Record<string, unknown>): SaveMenuInput {
  const form = saveMenuFormSchema.parse(fields);
  let items: unknown;
  try {
    items = JSON.parse(form.items);
  } catch {
    throw new AppError('bad_request', 'The menu could not be read. Reload the page and try again.');
  }
  const parsed = saveMenuSchema.safeParse({ location: form.location, version: form.version, items });
  if (!parsed.success) throw new AppError('unprocessable', describeMenuIssue(parsed.error, items), { items: [describeMenuIssue(parsed.error, items)] });
  return parsed.data;
}
