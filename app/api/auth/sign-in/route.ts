// POST /api/auth/sign-in — the first sign-in step: email and password (JSON, from this site only).
// 200 { status: 'signed-in', redirect } with the session cookie; 200 { status: 'second-factor', methods }
// with a short-lived signed "password checked" cookie (no session yet); 401 for a wrong email or
// password (one message either way); 429 with Retry-After when the account or network is locked.
import { signInWithPassword } from '@/lib/auth/sign-in';
import { handleSignIn, readSignInBody, signInContext, signInResponse } from '@/lib/auth/sign-in-http';
import { passwordStepSchema } from '@/lib/validation/auth';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  return handleSignIn(async () => {
    const { email, password, callbackUrl } = await readSignInBody(request, passwordStepSchema);
    const result = await signInWithPassword({ email, password }, signInContext(request));
    return signInResponse(result, callbackUrl, 'Incorrect email or password.');
  });
}
