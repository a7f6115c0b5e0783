import type { DefaultSession } from 'next-auth';
import type { Role } from '@/lib/auth/roles';

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: Role; sessionVersion: number } & DefaultSession['user'];
  }
  interface User {
    id: string;
    role: Role;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    role?: Role;
    /** The user's sessionVersion when the session was issued; a newer one on the user ends it. */
    sv?: number;
    /** How the session was signed in: pwd, otp, recovery, passkey. */
    amr?: string[];
  }
}
