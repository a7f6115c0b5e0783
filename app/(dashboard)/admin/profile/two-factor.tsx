import { TwoFactorPanel } from '@/components/auth/two-factor-panel';
import { getPendingTotpSetup, getTwoFactorStatus, groupKey } from '@/lib/auth/two-factor';
import type { StaffUser } from '@/lib/users';
import { beginTotpSetupAction, confirmTotpAction, passkeyOptionsAction, regenerateRecoveryCodesAction, registerPasskeyAction, removePasskeyAction, removeTotpAction } from './actions';

const actions = {
  beginTotp: beginTotpSetupAction,
  confirmTotp: confirmTotpAction,
  removeTotp: removeTotpAction,
  regenerateCodes: regenerateRecoveryCodesAction,
  passkeyOptions: passkeyOptionsAction,
  registerPasskey: registerPasskeyAction,
  removePasskey: removePasskeyAction,
};

/** The two-factor panel for the signed-in user, on /admin/profile and on /login/enrol. */
export async function TwoFactorSection({ user, enrolOnly = false }: { user: StaffUser; enrolOnly?: boolean }) {
  const [status, pending] = await Promise.all([getTwoFactorStatus(user), getPendingTotpSetup(user)]);
  return (
    <TwoFactorPanel
      enrolOnly={enrolOnly}
      actions={actions}
      pendingSetup={pending ? { groupedKey: groupKey(pending.secret), qrSvg: pending.qrSvg } : null}
      status={{
        totpEnabled: status.totpEnabled,
        recoveryCodesLeft: status.recoveryCodesLeft,
        required: status.required,
        passkeys: status.passkeys.map((p) => ({ id: p.id, name: p.name, createdAt: p.createdAt.toISOString(), lastUsedAt: p.lastUsedAt?.toISOString() ?? null })),
      }}
    />
  );
}
