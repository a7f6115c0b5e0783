// @ts-check
// Addresses with a broken %-escape (`/articles/%E0%A4%A`, `/preview/%`): Next.js cannot decode
// their path parameters and answers 500. The server (scripts/server.mjs) catches them first:
// a preview link shows the invalid-link page (links get cut when pasted), anything else gets a
// plain 400 that says what is wrong.
import { RESOURCE_CSP } from './headers.mjs';

/** Whether the path (without its query) fails to percent-decode. @param {string} path */
export function hasMalformedEscape(path) {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/** Where a malformed preview link goes: a token that can never verify, so the page says the link is not valid. */
export const INVALID_PREVIEW_PATH = '/preview/invalid-link';

/**
 * Handles a request whose path has a broken escape: rewrites a preview link to the invalid-link
 * page (returns false: Next answers it) or answers 400 itself (returns true).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function answerMalformedUrl(req, res) {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q >= 0 ? url.slice(0, q) : url;
  if (!hasMalformedEscape(path)) return false;
  if (path.startsWith('/preview/')) {
    req.url = INVALID_PREVIEW_PATH;
    return false;
  }
  const message = 'This address has a broken %-escape (a "%" not followed by two hex digits, or bytes that are not UTF-8). Check the link.';
  res.statusCode = 400;
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-security-policy', RESOURCE_CSP);
  if (path.startsWith('/api/')) {
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ error: { code: 'bad_request', message, details: null } }));
  } else {
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end(`400 Bad Request\n\n${message}\n`);
  }
  return true;
}

/**
 * A server action request (Next-Action header) whose envelope Next.js cannot decode (its form
 * field "0" is not the JSON React sent) makes Next answer 500. Our actions never throw (each
 * returns its form state, lib/actions.ts), so a 500 there means the request was malformed: it is
 * answered 400 instead (the error is still logged).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function malformedActionsAre400(req, res) {
  if (req.method !== 'POST' || req.headers['next-action'] === undefined) return;
  const writeHead = res.writeHead;
  /** @type {any} */ (res).writeHead = function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
    if (status === 500) res.statusCode = status = 400;
    return writeHead.call(res, status, ...rest);
  };
}
