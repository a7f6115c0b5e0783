// Accounts of their own for the sign-in security specs (e2e/sign-in-security.spec.ts): they lock
// accounts, turn on two-factor and end sessions, which must not touch the demo accounts whose saved
// sessions (e2e/auth.setup.ts) every other spec uses. Created by scripts/test/e2e-settings.ts.
export const E2E_PASSWORD = 'e2e-sign-in-password';

export const E2E_USERS = {
  totp: { email: 'totp-e2e@broadsheet.test', name: 'Tess Totp', role: 'EDITOR' },
  passkey: { email: 'passkey-e2e@broadsheet.test', name: 'Pat Passkey', role: 'AUTHOR' },
  lockout: { email: 'lockout-e2e@broadsheet.test', name: 'Lou Lockout', role: 'AUTHOR' },
  everywhere: { email: 'everywhere-e2e@broadsheet.test', name: 'Eve Everywhere', role: 'CONTRIBUTOR' },
} as const;
