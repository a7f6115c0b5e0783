'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/actions';

export function RestoreRevisionButton({
  articleId,
  revisionId,
  revisionVersion,
  currentVersion,
  action,
}: {
  articleId: string;
  revisionId: string;
  revisionVersion: number;
  currentVersion: number;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction}>
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="version" value={currentVersion} />
      <button type="submit" disabled={pending} className="rounded border border-black/20 px-3 py-1 text-sm font-semibold disabled:opacity-60 dark:border-white/30">
        Restore version {revisionVersion}
      </button>
      {!state.ok && state.message ? (
        <p role="alert" className="mt-1 text-sm text-red-800 dark:text-red-300">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
