import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import { secureAuthCookies } from '@/lib/auth/auth-url';
import { resolveCallbackUrl } from '@/lib/auth/callback-url';
import { env } from '@/lib/env';

/** How long a session lasts without signing in again. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/**
 * next-auth keeps the session (an encrypted JWT cookie), the sign-out endpoint and the client
 * helpers. Signing in does not go through a next-auth provider: lib/auth/sign-in checks the
 * password (throttled, then the second factor) and lib/auth/session-cookie issues the same
 * cookie next-auth reads, so no next-auth endpoint can sign anyone in around those checks.
 */
export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  useSecureCookies: secureAuthCookies(),
  pages: { signIn: '/login' },
  providers: [],
  callbacks: {
    jwt({ token }) {
      return token;
    },
    session({ session, token }) {
      if (session.user && token.uid && token.role) {
        session.user.id = token.uid;
        session.user.role = token.role;
        session.user.sessionVersion = token.sv ?? 0;
      }
      return session;
    },
    // Sign-out's callbackUrl, like sign-in's, stays on this site.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${resolveCallbackUrl(url, baseUrl)}`;
    },
  },
};
