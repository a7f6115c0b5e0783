import 'server-only';
import { hasRole, type Role } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { twoFactorPolicySchema, type TwoFactorPolicy } from '@/lib/settings/groups';
import { getSettings, saveSettings } from '@/lib/settings/store';
import type { StaffUser } from '@/lib/users';

// Who must use two-factor authentication is a settings group (lib/settings/groups.ts, `twoFactor`):
// kept in memory by the settings store and refreshed on every instance by a save.
export { describeTwoFactorPolicy, TWO_FACTOR_POLICY_LABELS, twoFactorPolicySchema, type TwoFactorPolicy } from '@/lib/settings/groups';

/** Who must use two-factor authentication (admin setting; `off` by default). */
export async function getTwoFactorPolicy(): Promise<TwoFactorPolicy> {
  return getSettings('twoFactor');
}

/** True when the policy covers this role. */
export function policyCovers(policy: TwoFactorPolicy, role: Role): boolean {
  return policy !== 'off' && hasRole(role, policy);
}

/** Whether the user has any second factor: an authenticator app or at least one passkey. */
export async function hasSecondFactor(user: { id: string; totpEnabled: boolean }): Promise<boolean> {
  if (user.totpEnabled) return true;
  return (await db.passkey.count({ where: { userId: user.id } })) > 0;
}

/** The site requires two-factor for this user's role and they have none yet. */
export async function mustEnrolTwoFactor(user: { id: string; role: Role; totpEnabled: boolean }): Promise<boolean> {
  if (user.totpEnabled) return false;
  if (!policyCovers(await getTwoFactorPolicy(), user.role)) return false;
  return !(await hasSecondFactor(user));
}

/** Saves who must use two-factor (admins only), audited; refuses to lock out the admin saving it. */
export async function saveTwoFactorPolicy(input: TwoFactorPolicy, actor: StaffUser): Promise<void> {
  if (!hasRole(actor.role, 'ADMIN')) throw new AppError('forbidden', 'Only admins can change who must use two-factor authentication.');
  const policy = twoFactorPolicySchema.parse(input);
  const row = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true } });
  if (policyCovers(policy, actor.role) && !(await hasSecondFactor({ id: actor.id, totpEnabled: row.totpEnabledAt !== null }))) {
    const message = 'Set up two-factor authentication on your own profile first, so this does not lock you out.';
    throw new AppError('unprocessable', message, { policy: [message] });
  }
  await saveSettings('twoFactor', policy, actor);
}
