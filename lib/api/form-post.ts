import 'server-only';
import { escapeHtml } from '@/lib/articles/body';
import { toAppError } from '@/lib/errors';

/**
 * Reader forms (a comment, a report) post to route handlers, so they work without JavaScript;
 * in the browser, the islands send them in the background and ask for JSON. A plain form post
 * (a browser without JavaScript, which asks for HTML) gets a small page with the same messages
 * and a link back to where it came from instead.
 */
export function wantsHtmlPage(request: Request): boolean {
  const accept = request.headers.get('accept') ?? '';
  return /\btext\/html\b/.test(accept) && !/\bapplication\/json\b/.test(accept);
}

/** Where the reader came from, on this site only (a path); the front page otherwise. */
function backPath(request: Request, anchor: string): string {
  const referer = request.headers.get('referer');
  if (!referer || !URL.canParse(referer)) return '/';
  const from = new URL(referer);
  // The Host the browser used: behind a proxy, request.url may name another.
  const host = request.headers.get('host') ?? new URL(request.url).host;
  return from.host === host ? `${from.pathname}${anchor}` : '/';
}

/** The page a plain form post gets: what happened, the message per field, a link back. */
export function formAnswerPage(request: Request, answer: { status: number; title: string; message: string; fieldErrors?: Record<string, string[]> | null; anchor?: string }): Response {
  const errors = Object.values(answer.fieldErrors ?? {}).flatMap((list) => list.slice(0, 1));
  const back = backPath(request, answer.anchor ?? '');
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(answer.title)} — Broadsheet</title></head>
<body><main id="main">
<h1>${escapeHtml(answer.title)}</h1>
<p>${escapeHtml(answer.message)}</p>
${errors.length ? `<ul>${errors.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul>\n<p>Go back to correct it: your text is still in the form.</p>` : ''}
<p><a href="${escapeHtml(back)}">Back to the article</a></p>
</main></body></html>
`;
  return new Response(html, { status: answer.status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/** A failure as the page a plain form post gets. */
export function formErrorPage(request: Request, e: unknown, title: string, anchor?: string): Response {
  const err = toAppError(e);
  return formAnswerPage(request, { status: err.status, title, message: err.message, fieldErrors: err.details, anchor });
}
