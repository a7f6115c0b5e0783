'use client';

import { useActionState, useId, useState } from 'react';
import { ActionMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field, FieldError, Label } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { ActionState } from '@/lib/actions';
import type { BodyDoc } from '@/lib/articles/body-schema';
import { RichTextEditor } from './rich-text-editor';

export type ComposerInitial = { updateId: string; version: number; headline: string; bodyJson: BodyDoc; keyEvent: boolean; pinned: boolean };
const EMPTY: BodyDoc = { type: 'doc', content: [] };

/** The live-coverage composer: posts a new update, or (given `initial`) saves an edit to one. */
export function LiveUpdateComposer({
  articleId,
  action,
  initial,
  submitLabel,
}: {
  articleId: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  initial?: ComposerInitial;
  submitLabel: string;
}) {
  const id = useId();
  const [body, setBody] = useState<BodyDoc>(initial?.bodyJson ?? EMPTY);
  // A new key empties the editor after each posted update.
  const [round, setRound] = useState(0);
  const [state, formAction, pending] = useActionState(
    async (prev: ActionState, form: FormData) => {
      const next = await action(prev, form);
      if (next.ok && !initial) {
        setBody(EMPTY);
        setRound((r) => r + 1);
      }
      return next;
    },
    { ok: false },
  );
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const bodyError = errors.bodyJson?.[0];
  return (
    <form action={formAction} className="space-y-3" aria-label={initial ? 'Edit update' : 'Post an update'} noValidate>
      <input type="hidden" name="articleId" value={articleId} />
      {initial ? (
        <>
          <input type="hidden" name="updateId" value={initial.updateId} />
          <input type="hidden" name="version" value={initial.version} />
        </>
      ) : null}
      <input type="hidden" name="bodyJson" value={JSON.stringify(body)} />
      <Field key={`h${round}`} id={`${id}-headline`} label="Headline (optional)" error={errors.headline?.[0]}>
        {(p) => <Input {...p} name="headline" defaultValue={initial?.headline ?? ''} maxLength={200} />}
      </Field>
      <div>
        <Label id={`${id}-update-label`}>Update</Label>
        <RichTextEditor key={`b${round}`} initial={body} onChange={setBody} labelledBy={`${id}-update-label`} describedBy={bodyError ? `${id}-update-error` : undefined} invalid={!!bodyError} />
        <FieldError id={`${id}-update-error`}>{bodyError}</FieldError>
      </div>
      <div key={`c${round}`} className="flex flex-wrap gap-6">
        <Checkbox id={`${id}-key`} name="keyEvent" label="Key event" defaultChecked={initial?.keyEvent} />
        <Checkbox id={`${id}-pin`} name="pinned" label="Pin" hint="Pinned updates stay at the top." defaultChecked={initial?.pinned} />
      </div>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </Button>
      <ActionMessage state={state} />
    </form>
  );
}
