'use server';

import { redirect } from 'next/navigation';
import { runAction, type ActionState } from '@/lib/actions';
import { requireRole } from '@/lib/auth/session';
import { startExport } from '@/lib/export/job';

/** "Export everything": queues the export and shows its progress on the page. */
export async function exportEverythingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let id = '';
  const state = await runAction<undefined>(form, async () => {
    const user = await requireRole('ADMIN');
    id = (await startExport(user, form.get('withPersonalData') === '1', form.get('includeNotes') === '1')).id;
    return { ok: true, message: 'Export started.' };
  });
  if (id) redirect(`/admin/import?export=${id}`);
  return state;
}
