import type { ReactNode } from 'react';
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD } from '@/lib/validation/comment-fields';

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div data-field={id}>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      {children}
    </div>
  );
}

const inputClass = 'mt-1 w-full rounded border border-strong bg-surface px-3 py-2 aria-[invalid=true]:border-danger';

/**
 * "Leave a reply": a plain form that posts to /api/comments, so it works without JavaScript (the
 * server answers with a page that says what happened). In the browser, components/islands/comments.ts
 * sends it in the background, shows the server's messages beside their fields, keeps what was
 * typed on any error, and adds the signed form token (fetched when the form is shown, so cached
 * pages still time each reader's form). Reply forms are copies of this one, made in the browser.
 */
export function CommentForm({ articleId }: { articleId: string }) {
  const idPrefix = 'comment';
  return (
    <section aria-labelledby={`${idPrefix}-reply-heading`} data-comment-form className="mt-10 rounded border border-subtle p-5">
      <h3 id={`${idPrefix}-reply-heading`} className="text-xl font-bold">
        Leave a reply
      </h3>
      <p className="mt-1 text-sm text-muted">Your email address will not be published. Comments are moderated.</p>
      <form method="post" action="/api/comments" noValidate className="mt-4 space-y-4">
        <input type="hidden" name="articleId" value={articleId} />
        <input type="hidden" name={FORM_TOKEN_FIELD} value="" />
        {/* A honeypot: hidden from people (and screen readers); bots that fill every field give themselves away. */}
        <div aria-hidden="true" style={{ position: 'absolute', left: '-10000px', top: 'auto', width: 1, height: 1, overflow: 'hidden' }}>
          <label htmlFor={`${idPrefix}-${HONEYPOT_FIELD}`}>Leave this field empty</label>
          <input id={`${idPrefix}-${HONEYPOT_FIELD}`} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <Field id={`${idPrefix}-body`} label="Comment">
          <textarea id={`${idPrefix}-body`} name="body" rows={6} className={inputClass} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id={`${idPrefix}-name`} label="Name">
            <input id={`${idPrefix}-name`} name="name" autoComplete="name" className={inputClass} />
          </Field>
          <Field id={`${idPrefix}-email`} label="Email">
            <input id={`${idPrefix}-email`} name="email" type="email" autoComplete="email" className={inputClass} />
          </Field>
          <Field id={`${idPrefix}-website`} label="Website (optional)">
            <input id={`${idPrefix}-website`} name="website" type="url" autoComplete="url" className={inputClass} />
          </Field>
        </div>
        <button type="submit" className="rounded bg-accent px-5 py-2 font-semibold text-on-accent disabled:opacity-60">
          Post comment
        </button>
        <div aria-live="polite" data-slot="status" />
      </form>
    </section>
  );
}

/** The report form under a comment, as a <template> the browser copies when a reader opens one (components/islands/comments.ts). */
export function ReportFormTemplate() {
  return (
    <template data-template="report">
      <form method="post" action="/api/comments/report" className="mt-2 space-y-2">
        <input type="hidden" name="commentId" value="" />
        <label className="block text-sm font-semibold">Why should a moderator look at this comment?</label>
        <textarea name="reason" rows={2} maxLength={500} className="w-full rounded border border-strong bg-surface px-2 py-1 text-sm aria-[invalid=true]:border-danger" />
        <p data-slot="error" hidden className="text-sm font-medium text-danger" />
        <button type="submit" className="rounded border border-strong px-3 py-1 text-sm font-semibold disabled:opacity-60">
          Send report
        </button>
      </form>
    </template>
  );
}
