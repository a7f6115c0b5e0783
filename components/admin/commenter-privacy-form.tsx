'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/actions';

type Action = (prev: ActionState<{ json: string; filename: string }>, form: FormData) => Promise<ActionState<{ json: string; filename: string }>>;
const field = 'mt-1 w-80 rounded border border-black/20 bg-transparent px-2 py-1 dark:border-white/30';

/** Export (downloads JSON) or erase everything about one commenter's email address. */
export function CommenterPrivacyForm({ exportAction, eraseAction }: { exportAction: Action; eraseAction: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [exported, exportFormAction, exporting] = useActionState(async (prev: ActionState<{ json: string; filename: string }>, form: FormData) => {
    const result = await exportAction(prev, form);
    if (result.ok && result.data) {
      const url = URL.createObjectURL(new Blob([result.data.json], { type: 'application/json' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: result.data.filename });
      a.click();
      URL.revokeObjectURL(url);
    }
    return result;
  }, { ok: false });
  const [erased, eraseFormAction, erasing] = useActionState(eraseAction, { ok: false });
  return (
    <div className="mt-6 grid gap-10 text-sm md:grid-cols-2">
      <form action={exportFormAction} aria-label="Export a commenter’s data" className="space-y-2">
        <h2 className="text-lg font-semibold">Export</h2>
        <label className="block">
          Email address
          <input name="email" type="email" required className={`${field} block`} />
        </label>
        <button type="submit" disabled={exporting} className="rounded bg-neutral-900 px-3 py-1 font-semibold text-white disabled:opacity-60 dark:bg-white dark:text-neutral-900">
          Download export
        </button>
        {exported.message ? <p role="status">{exported.message}</p> : null}
      </form>
      <form action={eraseFormAction} aria-label="Erase a commenter’s data" className="space-y-2">
        <h2 className="text-lg font-semibold">Erase</h2>
        <label className="block">
          Email address
          <input name="email" type="email" required className={`${field} block`} />
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="confirm" required /> I understand this deletes every comment by this address, for good.
        </label>
        <button type="submit" disabled={erasing} className="rounded bg-red-700 px-3 py-1 font-semibold text-white disabled:opacity-60">
          Erase everything
        </button>
        {erased.message ? <p role="status">{erased.message}</p> : null}
      </form>
    </div>
  );
}
