import { ActionForm } from '@/components/admin/action-form';
import { Panel } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/lib/auth/session';
import { getOwnProfile } from '@/lib/users/admin';
import { changePasswordAction, signOutEverywhereAction, updateProfileAction } from './actions';
import { TwoFactorSection } from './two-factor';

export const metadata = { title: 'Your profile' };

export default async function ProfilePage() {
  const user = await requirePageRole('CONTRIBUTOR', '/admin/profile');
  const profile = await getOwnProfile(user);
  return (
    <>
      <PageHeader title="Your profile" description={`Signed in as ${profile.email} (${profile.role.toLowerCase()}).`} />
      <div className="grid gap-6 md:grid-cols-2">
        <Panel id="profile-details" title="Name and bio">
          <ActionForm
            action={updateProfileAction}
            submitLabel="Save profile"
            pendingLabel="Saving…"
            fields={[
              { kind: 'text', name: 'name', label: 'Name', defaultValue: profile.name, autoComplete: 'name' },
              { kind: 'textarea', name: 'bio', label: 'Bio', defaultValue: profile.bio ?? '', hint: 'Shown under your byline on articles.' },
            ]}
          />
        </Panel>
        <Panel id="profile-password" title="Password">
          <ActionForm
            action={changePasswordAction}
            submitLabel="Change password"
            pendingLabel="Changing…"
            fields={[
              { kind: 'password', name: 'currentPassword', label: 'Current password', autoComplete: 'current-password' },
              { kind: 'password', name: 'newPassword', label: 'New password', autoComplete: 'new-password', hint: 'At least 12 characters.' },
              { kind: 'password', name: 'confirmPassword', label: 'Confirm new password', autoComplete: 'new-password' },
            ]}
          />
        </Panel>
        <Panel id="profile-two-factor" title="Two-factor authentication">
          <TwoFactorSection user={user} />
        </Panel>
        <Panel id="profile-sessions" title="Sessions" description="Signed in on a computer you no longer use, or lost a phone? End every other session of your account; this one stays signed in.">
          <ActionForm label="Sign out everywhere" action={signOutEverywhereAction} submitLabel="Sign out everywhere" pendingLabel="Signing out…" fields={[]} />
        </Panel>
      </div>
    </>
  );
}
