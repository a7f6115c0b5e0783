'use client';

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD } from '@/lib/validation/comment-fields';
import type { ActionState } from '@/lib/actions';

type Fields = { body: string; name: string; email: string; website: string };
const EMPTY: Fields = { body: '', name: '', email: '', website: '' };

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The form's zod schema (and zod with it) is fetched when a reader first focuses the form, not
 * with the page: most readers never comment, and their phones need not parse it.
 */
let schema: Promise<typeof import('@/lib/validation/comments').commentFormSchema> | null = null;
function loadSchema() {
  schema ??= import('@/lib/validation/comments').then(
    (m) => m.commentFormSchema,
    (e: unknown) => {
      schema = null; // tried again on the next focus or submit
      throw e;
    },
  );
  return schema;
}

const inputClass = 'mt-1 w-full rounded border border-strong bg-surface px-3 py-2 aria-[invalid=true]:border-danger';

/** "Leave a reply": validates in the browser with the server's schema, keeps what was typed on any error. */
export function CommentForm({
  articleId,
  parentId,
  action,
  heading = 'Leave a reply',
  idPrefix = 'comment',
  onDone,
}: {
  articleId: string;
  parentId?: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  heading?: string;
  /** Keeps ids unique when a reply form sits on the page beside the main form. */
  idPrefix?: string;
  onDone?: () => void;
}) {
  const [fields, setFields] = useState<Fields>(EMPTY);
  // The signed "form served at" timestamp (lib/comments/form-token) is fetched when the form is
  // shown rather than baked into the page, so cached pages still time each reader's form.
  const [formToken, setFormToken] = useState('');
  const [tokenRound, setTokenRound] = useState(0);
  // A reader quicker than the network still posts with the token: the submission waits for it.
  const pendingToken = useRef<Promise<string> | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    const loading = fetch(`/api/comments?articleId=${encodeURIComponent(articleId)}`, { signal: ctrl.signal, cache: 'no-store' })
      .then((r) => (r.ok ? (r.json() as Promise<{ formToken?: string }>) : null))
      .then((body) => body?.formToken ?? '')
      .catch(() => '');
    pendingToken.current = loading;
    loading.then((token) => {
      if (token) setFormToken(token);
    });
    return () => ctrl.abort();
  }, [articleId, tokenRound]);
  const [clientErrors, setClientErrors] = useState<Partial<Record<keyof Fields, string>>>({});
  const [state, formAction, pending] = useActionState(
    async (prev: ActionState, form: FormData) => {
      if (!form.get(FORM_TOKEN_FIELD) && pendingToken.current) form.set(FORM_TOKEN_FIELD, await pendingToken.current);
      let result: ActionState;
      try {
        result = await action(prev, form);
      } catch {
        // The request never got an answer (connection lost, server restarting): keep the text, say so.
        return { ok: false, message: 'Your comment could not be sent: the connection to the site failed. Your text is still here; please post it again.' };
      }
      if (result.ok) {
        setFields(EMPTY);
        setTokenRound((n) => n + 1);
        onDone?.();
      }
      return result;
    },
    { ok: false },
  );

  const serverErrors = state.ok ? {} : (state.fieldErrors ?? {});
  const errorFor = (k: keyof Fields) => clientErrors[k] ?? serverErrors[k]?.[0];
  const set = (k: keyof Fields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [k]: e.target.value }));

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const rules = await loadSchema().catch(() => null);
    // Without the rules (the connection dropped), the server checks the comment and answers by field.
    const parsed = rules?.safeParse({ articleId, parentId, ...fields }) ?? { success: true as const };
    if (parsed.success) {
      setClientErrors({});
      startTransition(() => formAction(form));
      return;
    }
    const errs: Partial<Record<keyof Fields, string>> = {};
    for (const issue of parsed.error.issues) {
      const k = issue.path[0] as keyof Fields;
      errs[k] ??= issue.message;
    }
    setClientErrors(errs);
  }

  const headingId = `${idPrefix}-reply-heading`;
  const describedBy = (k: keyof Fields, id: string) => (errorFor(k) ? `${id}-error` : undefined);

  return (
    <section aria-labelledby={headingId} className={`${parentId ? 'mt-4' : 'mt-10'} rounded border border-subtle p-5`}>
      <h3 id={headingId} className="text-xl font-bold">
        {heading}
      </h3>
      <p className="mt-1 text-sm text-muted">Your email address will not be published. Comments are moderated.</p>
      <form action={formAction} onSubmit={submit} onFocus={() => void loadSchema().catch(() => {})} noValidate className="mt-4 space-y-4">
        <input type="hidden" name="articleId" value={articleId} />
        {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
        <input type="hidden" name={FORM_TOKEN_FIELD} value={formToken} />
        {/* A honeypot: hidden from people (and screen readers); bots that fill every field give themselves away. */}
        <div aria-hidden="true" style={{ position: 'absolute', left: '-10000px', top: 'auto', width: 1, height: 1, overflow: 'hidden' }}>
          <label htmlFor={`${idPrefix}-${HONEYPOT_FIELD}`}>Leave this field empty</label>
          <input id={`${idPrefix}-${HONEYPOT_FIELD}`} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <Field id={`${idPrefix}-body`} label="Comment" error={errorFor('body')}>
          <textarea
            id={`${idPrefix}-body`}
            name="body"
            rows={6}
            value={fields.body}
            onChange={set('body')}
            aria-invalid={!!errorFor('body')}
            aria-describedby={describedBy('body', `${idPrefix}-body`)}
            className={inputClass}
          />
        </Field>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id={`${idPrefix}-name`} label="Name" error={errorFor('name')}>
            <input
              id={`${idPrefix}-name`}
              name="name"
              autoComplete="name"
              value={fields.name}
              onChange={set('name')}
              aria-invalid={!!errorFor('name')}
              aria-describedby={describedBy('name', `${idPrefix}-name`)}
              className={inputClass}
            />
          </Field>
          <Field id={`${idPrefix}-email`} label="Email" error={errorFor('email')}>
            <input
              id={`${idPrefix}-email`}
              name="email"
              type="email"
              autoComplete="email"
              value={fields.email}
              onChange={set('email')}
              aria-invalid={!!errorFor('email')}
              aria-describedby={describedBy('email', `${idPrefix}-email`)}
              className={inputClass}
            />
          </Field>
          <Field id={`${idPrefix}-website`} label="Website (optional)" error={errorFor('website')}>
            <input
              id={`${idPrefix}-website`}
              name="website"
              type="url"
              autoComplete="url"
              value={fields.website}
              onChange={set('website')}
              aria-invalid={!!errorFor('website')}
              aria-describedby={describedBy('website', `${idPrefix}-website`)}
              className={inputClass}
            />
          </Field>
        </div>
        <button type="submit" disabled={pending} className="rounded bg-accent px-5 py-2 font-semibold text-on-accent disabled:opacity-60">
          {pending ? 'Posting…' : 'Post comment'}
        </button>
        <div aria-live="polite">{state.message ? <p className={state.ok ? 'rounded bg-success-soft p-3 text-success' : 'rounded bg-danger-soft p-3 text-danger'}>{state.message}</p> : null}</div>
      </form>
    </section>
  );
}
