// "Leave a reply", "Reply" and "Report" under the comments of an article page. The forms are
// plain HTML forms the server renders (components/comments), which post without JavaScript too;
// here they are sent in the background and the server's messages shown beside their fields,
// keeping what the reader typed on any error. Validation is the server's (the same zod schema
// for the API, the form and a plain post), so the page carries no schema code.
import { fromTemplate, slot } from './dom';

const FIELDS = ['body', 'name', 'email', 'website'] as const;
const TOKEN_FIELD = 'formToken';
const CONNECTION_FAILED = 'Your comment could not be sent: the connection to the site failed. Your text is still here; please post it again.';

type ApiAnswer = { message?: string; error?: { code: string; message: string; details: Record<string, string[]> | null } };

/** Posts a form's fields; the server's answer, or null when the request got none (connection lost, server restarting). */
async function send(form: HTMLFormElement): Promise<{ ok: boolean; body: ApiAnswer } | null> {
  try {
    const res = await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>), headers: { accept: 'application/json' } });
    const body = (await res.json().catch(() => ({}))) as ApiAnswer;
    return { ok: res.ok, body };
  } catch {
    return null;
  }
}

/** The signed "form served at" token of a form about to be used; the submission waits for it. */
function loadToken(form: HTMLFormElement, articleId: string): Promise<void> {
  const input = form.elements.namedItem(TOKEN_FIELD) as HTMLInputElement;
  return fetch(`/api/comments?articleId=${encodeURIComponent(articleId)}`, { cache: 'no-store' })
    .then((r) => (r.ok ? (r.json() as Promise<{ formToken?: string }>) : null))
    .then((body) => {
      if (body?.formToken) input.value = body.formToken;
    })
    .catch(() => {});
}

function showStatus(form: HTMLFormElement, ok: boolean, message: string) {
  const status = slot(form, 'status')!;
  const p = document.createElement('p');
  p.className = ok ? 'rounded bg-success-soft p-3 text-success' : 'rounded bg-danger-soft p-3 text-danger';
  p.textContent = message;
  status.replaceChildren(...(message ? [p] : []));
}

function showFieldErrors(form: HTMLFormElement, errors: Record<string, string[] | undefined>) {
  for (const name of FIELDS) {
    const input = form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null;
    if (!input) continue;
    const errorId = `${input.id}-error`;
    document.getElementById(errorId)?.remove();
    const message = errors[name]?.[0];
    input.setAttribute('aria-invalid', String(!!message));
    if (!message) {
      input.removeAttribute('aria-describedby');
      continue;
    }
    const p = document.createElement('p');
    p.id = errorId;
    p.className = 'mt-1 text-sm font-medium text-danger';
    p.textContent = message;
    input.after(p);
    input.setAttribute('aria-describedby', errorId);
  }
}

/** Sends a comment form in the background; the server's messages by field, the reader's text kept on any error. */
function enhanceCommentForm(form: HTMLFormElement) {
  const articleId = (form.elements.namedItem('articleId') as HTMLInputElement).value;
  let token = loadToken(form, articleId);
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (button.disabled) return;
    button.disabled = true;
    button.textContent = 'Posting…';
    // The answer to this post replaces the last one; until it comes, none is shown.
    showStatus(form, true, '');
    await token;
    const answer = await send(form);
    button.disabled = false;
    button.textContent = 'Post comment';
    if (!answer) return showStatus(form, false, CONNECTION_FAILED);
    showFieldErrors(form, answer.body.error?.details ?? {});
    if (!answer.ok) return showStatus(form, false, answer.body.error?.message ?? CONNECTION_FAILED);
    for (const name of FIELDS) (form.elements.namedItem(name) as HTMLInputElement).value = '';
    showStatus(form, true, answer.body.message ?? '');
    token = loadToken(form, articleId);
  });
}

/** A reply form: a copy of "Leave a reply" for one comment, with its own ids, heading and token. */
function replyForm(main: HTMLElement, parentId: string, authorName: string): HTMLElement {
  const section = main.cloneNode(true) as HTMLElement;
  const prefix = `reply-${parentId}-`;
  for (const el of section.querySelectorAll<HTMLElement>('[id], [for], [aria-labelledby], [aria-describedby], [data-field]')) {
    for (const attr of ['id', 'for', 'aria-labelledby', 'aria-describedby', 'data-field']) {
      const value = el.getAttribute(attr);
      if (value?.startsWith('comment-')) el.setAttribute(attr, prefix + value.slice('comment-'.length));
    }
  }
  section.setAttribute('aria-labelledby', `${prefix}reply-heading`);
  section.classList.replace('mt-10', 'mt-4');
  section.querySelector('h3')!.textContent = `Reply to ${authorName}`;
  const form = section.querySelector('form')!;
  for (const name of FIELDS) (form.elements.namedItem(name) as HTMLInputElement).value = '';
  for (const p of form.querySelectorAll('[id$="-error"]')) p.remove();
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  slot(form, 'status')!.replaceChildren();
  const parent = document.createElement('input');
  parent.type = 'hidden';
  parent.name = 'parentId';
  parent.value = parentId;
  form.prepend(parent);
  (form.elements.namedItem(TOKEN_FIELD) as HTMLInputElement).value = '';
  enhanceCommentForm(form);
  return section;
}

function toggleReply(button: HTMLButtonElement, main: HTMLElement, commentId: string, authorName: string) {
  const open = button.getAttribute('aria-expanded') === 'true';
  const holder = button.parentElement!;
  if (open) holder.querySelector('section')?.remove();
  else holder.append(replyForm(main, commentId, authorName));
  button.setAttribute('aria-expanded', String(!open));
  button.setAttribute('aria-label', open ? `Reply to ${authorName}` : `Cancel reply to ${authorName}`);
  button.textContent = open ? 'Reply' : 'Cancel reply';
}

function toggleReport(button: HTMLButtonElement, commentId: string, authorName: string) {
  const open = button.getAttribute('aria-expanded') === 'true';
  const holder = button.parentElement!;
  button.setAttribute('aria-expanded', String(!open));
  button.textContent = open ? 'Report' : 'Cancel report';
  if (open) return holder.querySelector('form')?.remove();
  const form = fromTemplate<HTMLFormElement>(document, 'template[data-template="report"]');
  if (!form) return;
  const id = `report-${commentId}`;
  form.setAttribute('aria-label', `Report comment by ${authorName}`);
  (form.elements.namedItem('commentId') as HTMLInputElement).value = commentId;
  form.querySelector('label')!.htmlFor = id;
  const reason = form.elements.namedItem('reason') as HTMLTextAreaElement;
  reason.id = id;
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    submit.disabled = true;
    const answer = await send(form);
    submit.disabled = false;
    if (answer?.ok) {
      const done = document.createElement('p');
      done.setAttribute('role', 'status');
      done.className = 'mt-1 text-sm text-success';
      done.textContent = answer.body.message ?? '';
      holder.replaceWith(done);
      return;
    }
    const error = slot(form, 'error')!;
    error.textContent = answer ? (answer.body.error?.details?.reason?.[0] ?? answer.body.error?.message ?? '') : CONNECTION_FAILED;
    error.hidden = false;
    reason.setAttribute('aria-invalid', 'true');
  });
  holder.append(form);
}

export function startComments() {
  const main = document.querySelector<HTMLElement>('[data-comment-form]');
  if (main) enhanceCommentForm(main.querySelector('form')!);
  document.addEventListener('click', (e) => {
    const button = (e.target as Element | null)?.closest?.<HTMLButtonElement>('[data-comment-actions] button[data-action]');
    if (!button) return;
    const { commentId = '', authorName = '' } = (button.closest('[data-comment-actions]') as HTMLElement).dataset;
    if (button.dataset.action === 'reply' && main) toggleReply(button, main, commentId, authorName);
    else if (button.dataset.action === 'report') toggleReport(button, commentId, authorName);
  });
}
