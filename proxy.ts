// First of three auth layers: unauthenticated requests to /admin go to /login.
// Layouts check the session again and every mutation checks the role on the server.
import { withAuth } from 'next-auth/middleware';
import { readOrCreateDevSecrets } from '@/scripts/dev-secrets';

const secret =
  process.env.NEXTAUTH_SECRET ||
  process.env.AUTH_SECRET ||
  ((process.env.BROADSHEET_ENV ?? (process.env.NODE_ENV === 'production' ? 'production' : 'development')) !== 'production'
    ? readOrCreateDevSecrets().nextAuthSecret
    : undefined);

export default withAuth({ secret, pages: { signIn: '/login' } });

export const config = { matcher: ['/admin/:path*'] };
