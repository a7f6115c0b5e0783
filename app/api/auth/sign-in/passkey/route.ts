// POST /api/auth/sign-in/passkey — WebAuthn options for signing in with a passkey, for the sign-in
// in progress (its password already checked); the challenge is kept in a signed cookie for two minutes.
import { passkeyAuthenticationOptions } from '@/lib/auth/passkeys';
import { EXPIRED_MESSAGE, handleSignIn, jsonError, readPendingSignIn, readSignInBody, rememberPasskeyChallenge } from '@/lib/auth/sign-in-http';
import { z } from 'zod';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  return handleSignIn(async () => {
    await readSignInBody(request, z.object({}));
    const pending = await readPendingSignIn();
    if (!pending) return jsonError(401, 'expired', EXPIRED_MESSAGE);
    const options = await passkeyAuthenticationOptions(pending.uid);
    if (!options) return jsonError(409, 'conflict', 'There is no passkey on this account. Use your authenticator app or a recovery code.');
    await rememberPasskeyChallenge(options.challenge, pending.uid, 'sign-in');
    return Response.json({ options }, { headers: { 'Cache-Control': 'no-store' } });
  });
}
