import { z } from 'zod';

export const signInSchema = z.object({
  email: z.string({ error: 'Enter your email address.' }).trim().toLowerCase().max(320, 'Enter a valid email address.').pipe(z.email('Enter a valid email address.')),
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(200, 'Enter your password.'),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** Where to go after signing in: resolved against the site's origin on the server (lib/auth/callback-url). */
const callbackUrl = z.string().max(2000).optional();

/** POST /api/auth/sign-in */
export const passwordStepSchema = signInSchema.extend({ callbackUrl });

/** POST /api/auth/sign-in/verify: a code from the authenticator app, a recovery code, or a passkey's answer. */
export const secondFactorSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('totp'), code: z.string().trim().min(1, 'Enter the code from your authenticator app.').max(20, 'Enter the 6-digit code.'), callbackUrl }),
  z.object({ method: z.literal('recovery'), code: z.string().trim().min(1, 'Enter one of your recovery codes.').max(40, 'Enter one of your recovery codes.'), callbackUrl }),
  z.object({ method: z.literal('passkey'), response: passkeyAssertionSchema(), callbackUrl }),
]);

/** The browser's answer to a WebAuthn sign-in (shape only: @simplewebauthn/server verifies the rest). */
function passkeyAssertionSchema() {
  const b64url = z
    .string()
    .max(8192)
    .regex(/^[A-Za-z0-9_-]*$/);
  return z.object({
    id: b64url.min(1),
    rawId: b64url.min(1),
    type: z.literal('public-key'),
    response: z.object({ clientDataJSON: b64url, authenticatorData: b64url, signature: b64url, userHandle: b64url.optional() }),
    clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  });
}

/** The browser's answer to a WebAuthn registration (shape only). */
export const passkeyRegistrationSchema = z.object({
  name: z.string().trim().min(1, 'Name the passkey, e.g. “Work laptop”.').max(60, 'Keep the name under 60 characters.'),
  response: z.object({
    id: z
      .string()
      .min(1)
      .max(8192)
      .regex(/^[A-Za-z0-9_-]+$/),
    rawId: z
      .string()
      .min(1)
      .max(8192)
      .regex(/^[A-Za-z0-9_-]+$/),
    type: z.literal('public-key'),
    response: z.object({
      clientDataJSON: z.string().max(8192),
      attestationObject: z.string().max(16384),
      transports: z
        .array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']))
        .max(10)
        .optional(),
      authenticatorData: z.string().max(16384).optional(),
      publicKeyAlgorithm: z.number().optional(),
      publicKey: z.string().max(16384).optional(),
    }),
    clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  }),
});

/** Profile: confirm an authenticator app with a code from it. */
export const confirmTotpSchema = z.object({ code: z.string().trim().min(1, 'Enter the 6-digit code from your app.').max(20, 'Enter the 6-digit code from your app.') });

/** Profile: remove the authenticator app (asks for the password again). */
export const removeTotpSchema = z.object({ password: z.string().min(1, 'Enter your password.').max(200) });

export const passkeyIdSchema = z.object({ passkeyId: z.string().trim().min(1).max(40) });
