// Runs before routes (Node.js runtime in Next 16).
// 1. First of three auth layers: unauthenticated requests to /admin go to /login. Layouts
//    check the session again and every mutation checks the role on the server.
// 2. Dynamic pages (dashboard, sign-in, search, previews) get a per-request CSP nonce
//    (lib/security/nonce.ts); cached public pages are allowed their scripts by hash instead
//    (lib/security/headers.mjs).
// 3. Article URLs: an archived article answers 410 Gone (App Router pages can send only 404
//    or redirects, so the request is rewritten with status 410 to a page that helps onward),
//    and an old slug answers a real 301 to the new one (pages can only send 308).
// 4. An imported site's old addresses (WordPress `/2019/03/story/`, `?p=12`, `/category/x/`,
//    `/tag/x/`, `/author/x/`; Ghost `/story/`, `/tag/x/`) answer a 301 from the Redirect table
//    before anything renders. Only paths no Broadsheet route owns come here (the matcher), and
//    each answer is remembered per process (lib/redirects), so a fresh cached page never pays
//    for it and a repeated unknown address costs no query.
// 5. `/search?q=…` is rewritten to its cached results page, `/search/q/<query>/<page>`.
import { withAuth, type NextAuthMiddlewareOptions, type NextRequestWithAuth } from 'next-auth/middleware';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { getArticlePathState } from '@/lib/articles/gone';
import { sessionCookieName } from '@/lib/auth/auth-url';
import { readOrCreateDevSecrets } from '@/lib/dev-secrets';
import { NONCE_PATHS } from '@/lib/security/headers.mjs';
import { lookUpOldAddress } from '@/lib/redirects';
import { oldPathKey } from '@/lib/redirects/old-path';
import { nextWithNonce } from '@/lib/security/nonce';
import { searchResultsPath } from '@/lib/search/results-path.mjs';

const secret =
  process.env.NEXTAUTH_SECRET ||
  process.env.AUTH_SECRET ||
  ((process.env.BROADSHEET_ENV ?? (process.env.NODE_ENV === 'production' ? 'production' : 'development')) !== 'production' ? readOrCreateDevSecrets().nextAuthSecret : undefined);

// The same cookie name the server issues (Secure and prefixed when the site is https), whichever of NEXTAUTH_URL/SITE_URL says so.
// (next-auth's type for this option is mistyped; the runtime reads cookies.sessionToken.name.)
const cookies = { sessionToken: { name: sessionCookieName() } } as unknown as NextAuthMiddlewareOptions['cookies'];
const adminAuth = withAuth((request) => nextWithNonce(request), { secret, pages: { signIn: '/login' }, cookies });

const ARTICLE_PATH = /^\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const { pathname } = request.nextUrl;
  if (pathname === '/admin' || pathname.startsWith('/admin/')) return adminAuth(request as NextRequestWithAuth, event);
  if (pathname === '/search') {
    // A search's results are a cached page of their own, keyed by the normalised query.
    const results = searchResultsPath(request.nextUrl.searchParams);
    if (results) return NextResponse.rewrite(new URL(results, request.url));
  }
  if (NONCE_PATHS.test(pathname)) return nextWithNonce(request);
  const slug = ARTICLE_PATH.exec(pathname)?.[1];
  if (!slug) return oldAddressRedirect(request);
  // Unknown while the database is unreachable: the page decides (served from the cache if it is there, else 503).
  const state = await getArticlePathState(slug).catch(() => ({ kind: 'article' }) as const);
  if (state.kind === 'gone') return NextResponse.rewrite(new URL(`/gone/articles/${slug}`, request.url), { status: 410 });
  if (state.kind === 'moved') return NextResponse.redirect(new URL(state.to, request.url), 301);
  return NextResponse.next();
}

async function oldAddressRedirect(request: NextRequest) {
  const key = oldPathKey(request.nextUrl.pathname, request.nextUrl.search);
  if (!key) return NextResponse.next();
  const to = await lookUpOldAddress(key).catch(() => null);
  return to ? NextResponse.redirect(new URL(to.toPath, request.url), to.statusCode === 302 ? 302 : 301) : NextResponse.next();
}

export const config = {
  matcher: [
    '/admin/:path*',
    '/login',
    '/search',
    '/preview/:path*',
    '/articles/:slug',
    // Old addresses of an imported site: every path no Broadsheet route or file owns.
    '/((?!_next/|api/|media/|admin|articles/|sections/|tags/|authors/|search|login|preview/|gone/|rss\\.xml|sitemap|news-sitemap|sitemaps/|robots\\.txt|favicon|healthz|readyz).*)',
  ],
};
