'use client';

import { useActionState } from 'react';
import { ActionMessage } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import type { ActionState } from '@/lib/actions';

type Values = { maxLinks: number; moderationWords: string[]; blockWords: string[]; autoApproveKnown: boolean; threadDepth: number; closeAfterDays: number; minSeconds: number };

/** The comment rules form on /admin/comments/settings. */
export function CommentSettingsForm({
  values,
  action,
  minSecondsFromEnv,
}: {
  values: Values;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  /** Set when COMMENT_MIN_SECONDS overrides the stored threshold. */
  minSecondsFromEnv?: number;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const v = state.ok ? undefined : state.values;
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  const num = (name: keyof Values, label: string, hint: string) => (
    <Field id={`setting-${name}`} label={label} hint={hint} error={err(name)}>
      {(p) => <Input {...p} name={name} inputMode="numeric" defaultValue={v?.[name] ?? String(values[name])} fit className="w-32" />}
    </Field>
  );
  const list = (name: 'moderationWords' | 'blockWords', label: string, hint: string) => (
    <Field id={`setting-${name}`} label={label} hint={hint} error={err(name)}>
      {(p) => <Textarea {...p} name={name} rows={5} defaultValue={v?.[name] ?? values[name].join('\n')} />}
    </Field>
  );
  return (
    <form action={formAction} className="max-w-2xl space-y-5" aria-label="Comment settings">
      {num('maxLinks', 'Hold comments with more links than', 'A comment with more links than this waits for moderation.')}
      {list('moderationWords', 'Moderation words', 'One word or phrase per line. A comment containing one (in its text, name, email or website) waits for moderation.')}
      {list('blockWords', 'Block list', 'One word or phrase per line. A comment containing one goes straight to spam.')}
      <Checkbox
        id="setting-autoApproveKnown"
        name="autoApproveKnown"
        defaultChecked={v ? v.autoApproveKnown === 'on' : values.autoApproveKnown}
        label={<strong>Approve commenters who already have an approved comment</strong>}
        hint="Off by default. Links and moderation words still hold their comments."
      />
      {num('threadDepth', 'Reply depth', '1 turns replies off; 3 allows a reply to a reply.')}
      {num('closeAfterDays', 'Close comments after (days)', 'Comments close this many days after publication; 0 keeps them open.')}
      {num(
        'minSeconds',
        'Too fast: minimum seconds before posting',
        minSecondsFromEnv !== undefined
          ? `The server’s COMMENT_MIN_SECONDS (${minSecondsFromEnv} s) is in force and overrides this value until it is unset.`
          : 'A comment sent sooner than this after its form was shown goes to spam (people need a few seconds; bots do not). 0 turns the rule off.',
      )}
      <Button type="submit" variant="primary" disabled={pending}>
        Save settings
      </Button>
      <ActionMessage state={state} />
    </form>
  );
}
