// The site's sign-in address and cookie names, shared by lib/env, the server and proxy.ts (which
// does not load lib/env): both must agree, or a session issued by one is not seen by the other.
// No server-only and no imports: proxy.ts and scripts use it.

/** The public address sign-in happens on: NEXTAUTH_URL, else SITE_URL. */
export function authBaseUrl(e: Record<string, string | undefined> = process.env): string | undefined {
  return e.NEXTAUTH_URL?.trim() || e.SITE_URL?.trim() || undefined;
}

/** Secure cookies (and the __Secure-/__Host- prefixes) whenever the site is served over https. */
export function secureAuthCookies(e: Record<string, string | undefined> = process.env): boolean {
  return authBaseUrl(e)?.toLowerCase().startsWith('https://') ?? false;
}

/** next-auth's own session cookie name, which getServerSession and withAuth read. */
export function sessionCookieName(secure = secureAuthCookies()): string {
  return secure ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

/** The short-lived "password checked, second factor next" state of a sign-in in progress. */
export function signInStateCookieName(secure = secureAuthCookies()): string {
  return secure ? '__Host-broadsheet.sign-in' : 'broadsheet.sign-in';
}

/** The WebAuthn challenge of a passkey ceremony in progress. */
export function passkeyChallengeCookieName(secure = secureAuthCookies()): string {
  return secure ? '__Host-broadsheet.passkey' : 'broadsheet.passkey';
}

/**
 * In production sign-in cookies must be Secure, which needs the public address to be https:
 * a message saying what to set, or null when NEXTAUTH_URL/SITE_URL are fine.
 */
export function productionUrlProblem(e: Record<string, string | undefined>): string | null {
  const urls = (['NEXTAUTH_URL', 'SITE_URL'] as const).filter((k) => e[k]?.trim());
  if (urls.length === 0) {
    return "Broadsheet refuses to start in production without SITE_URL (or NEXTAUTH_URL): set it to the site's public https address, e.g. SITE_URL=https://news.example.com, so sign-in cookies are sent only over https.";
  }
  for (const k of urls) {
    const v = e[k]!.trim();
    if (!URL.canParse(v) || new URL(v).protocol !== 'https:') {
      return `Broadsheet refuses to start in production with ${k}=${v}: it must be the site's public https address (e.g. https://news.example.com), so sign-in cookies are sent only over https. Terminate TLS at your proxy and keep the https address here.`;
    }
  }
  return null;
}
