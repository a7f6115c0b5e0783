// GET/POST /api/auth/* — next-auth (credentials sign-in, session, sign-out); a POST's body is
// checked first (form or JSON, at most 64 KB), so a malformed one gets a 4xx, never a 500.
import NextAuth from 'next-auth';
import { withCheckedBody } from '@/lib/api/handler';
import { authOptions } from '@/lib/auth/options';

const handler = withCheckedBody(NextAuth(authOptions), { accept: ['form', 'json'] });
export { handler as GET, handler as POST };
