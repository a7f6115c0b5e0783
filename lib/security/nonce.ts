import crypto from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { nonceCsp } from './headers.mjs';

/**
 * For proxy.ts: lets a dynamic page through with a fresh nonce. Next.js reads the nonce from the
 * request's Content-Security-Policy header and puts it on every script it renders; the same
 * policy goes out on the response. Only for pages rendered per request (NONCE_PATHS): a cached
 * page would keep its first reader's nonce.
 */
export function nextWithNonce(request: NextRequest): NextResponse {
  const csp = nonceCsp(crypto.randomBytes(16).toString('base64'));
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  return response;
}
