'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
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
      <Button type="submit" size="sm" disabled={pending}>
        Restore version {revisionVersion}
      </Button>
      {!state.ok && state.message ? (
        <p role="alert" className="mt-1 text-sm text-danger">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
