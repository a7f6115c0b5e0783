// POST /api/auth/sign-in/verify — the second step, after the password: { method: 'totp' | 'recovery', code }
// or { method: 'passkey', response } (the browser's WebAuthn answer). 200 { status: 'signed-in', redirect }
// with the session cookie; 401 when the code or passkey does not match or the first step expired; 429 when locked.
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { completeSignIn } from '@/lib/auth/sign-in';
import { EXPIRED_MESSAGE, handleSignIn, jsonError, readPendingSignIn, readSignInBody, signInContext, signInResponse, takePasskeyChallenge } from '@/lib/auth/sign-in-http';
import { secondFactorSchema } from '@/lib/validation/auth';

export const dynamic = 'force-dynamic';

const INVALID = {
  totp: 'That code did not work. Enter the code your authenticator app shows now.',
  recovery: 'That recovery code did not work. Each code works only once.',
  passkey: 'That passkey did not work. Try again, or use another way to verify.',
};

export async function POST(request: Request) {
  return handleSignIn(async () => {
    const input = await readSignInBody(request, secondFactorSchema);
    const pending = await readPendingSignIn();
    if (!pending) return jsonError(401, 'expired', EXPIRED_MESSAGE);
    const factor =
      input.method === 'passkey'
        ? { method: 'passkey' as const, response: input.response as AuthenticationResponseJSON, expectedChallenge: await takePasskeyChallenge(pending.uid, 'sign-in') }
        : { method: input.method, code: input.code };
    const result = await completeSignIn(pending, factor, signInContext(request));
    return signInResponse(result, input.callbackUrl, INVALID[input.method]);
  });
}
