'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/lib/actions';

type Values = { maxLinks: number; moderationWords: string[]; blockWords: string[]; autoApproveKnown: boolean; threadDepth: number; closeAfterDays: number; minSeconds: number };

const field = 'mt-1 w-full rounded border border-black/20 bg-transparent px-2 py-1 dark:border-white/30';

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
    <div>
      <label htmlFor={`setting-${name}`} className="block font-semibold">
        {label}
      </label>
      <input id={`setting-${name}`} name={name} inputMode="numeric" defaultValue={v?.[name] ?? String(values[name])} aria-invalid={!!err(name)} aria-describedby={`setting-${name}-hint`} className={`${field} max-w-32`} />
      <p id={`setting-${name}-hint`} className="mt-1 text-sm text-neutral-600 dark:text-neutral-300">
        {err(name) ?? hint}
      </p>
    </div>
  );
  const list = (name: 'moderationWords' | 'blockWords', label: string, hint: string) => (
    <div>
      <label htmlFor={`setting-${name}`} className="block font-semibold">
        {label}
      </label>
      <textarea id={`setting-${name}`} name={name} rows={5} defaultValue={v?.[name] ?? values[name].join('\n')} aria-describedby={`setting-${name}-hint`} className={field} />
      <p id={`setting-${name}-hint`} className="mt-1 text-sm text-neutral-600 dark:text-neutral-300">
        {err(name) ?? hint}
      </p>
    </div>
  );
  return (
    <form action={formAction} className="mt-6 max-w-2xl space-y-5" aria-label="Comment settings">
      {num('maxLinks', 'Hold comments with more links than', 'A comment with more links than this waits for moderation.')}
      {list('moderationWords', 'Moderation words', 'One word or phrase per line. A comment containing one (in its text, name, email or website) waits for moderation.')}
      {list('blockWords', 'Block list', 'One word or phrase per line. A comment containing one goes straight to spam.')}
      <div className="flex items-start gap-2">
        <input id="setting-autoApproveKnown" type="checkbox" name="autoApproveKnown" defaultChecked={v ? v.autoApproveKnown === 'on' : values.autoApproveKnown} className="mt-1" />
        <label htmlFor="setting-autoApproveKnown">
          <span className="font-semibold">Approve commenters who already have an approved comment</span>
          <span className="block text-sm text-neutral-600 dark:text-neutral-300">Off by default. Links and moderation words still hold their comments.</span>
        </label>
      </div>
      {num('threadDepth', 'Reply depth', '1 turns replies off; 3 allows a reply to a reply.')}
      {num('closeAfterDays', 'Close comments after (days)', 'Comments close this many days after publication; 0 keeps them open.')}
      {num(
        'minSeconds',
        'Too fast: minimum seconds before posting',
        minSecondsFromEnv !== undefined
          ? `The server’s COMMENT_MIN_SECONDS (${minSecondsFromEnv} s) is in force and overrides this value until it is unset.`
          : 'A comment sent sooner than this after its form was shown goes to spam (people need a few seconds; bots do not). 0 turns the rule off.',
      )}
      <button type="submit" disabled={pending} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white disabled:opacity-60 dark:bg-white dark:text-neutral-900">
        Save settings
      </button>
      <div aria-live="polite">
        {state.message ? <p className={state.ok ? 'rounded bg-green-50 p-2 text-green-900' : 'rounded bg-red-50 p-2 text-red-900'}>{state.message}</p> : null}
      </div>
    </form>
  );
}
