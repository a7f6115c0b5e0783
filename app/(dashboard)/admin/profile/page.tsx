import { ActionForm } from '@/components/admin/action-form';
import { requirePageRole } from '@/lib/auth/session';
import { getOwnProfile } from '@/lib/users/admin';
import { changePasswordAction, updateProfileAction } from './actions';

export const metadata = { title: 'Your profile' };

export default async function ProfilePage() {
  const user = await requirePageRole('CONTRIBUTOR', '/admin/profile');
  const profile = await getOwnProfile(user);
  return (
    <>
      <h1 className="text-2xl font-bold">Your profile</h1>
      <p className="mt-1 text-sm">
        Signed in as {profile.email} ({profile.role.toLowerCase()}).
      </p>
      <div className="mt-6 grid gap-8 md:grid-cols-2">
        <section aria-labelledby="profile-details" className="rounded border border-black/10 bg-white p-5 dark:border-white/15 dark:bg-neutral-900">
          <h2 id="profile-details" className="mb-4 text-lg font-semibold">
            Name and bio
          </h2>
          <ActionForm
            action={updateProfileAction}
            submitLabel="Save profile"
            pendingLabel="Saving…"
            fields={[
              { kind: 'text', name: 'name', label: 'Name', defaultValue: profile.name, autoComplete: 'name' },
              { kind: 'textarea', name: 'bio', label: 'Bio', defaultValue: profile.bio ?? '', hint: 'Shown under your byline on articles.' },
            ]}
          />
        </section>
        <section aria-labelledby="profile-password" className="rounded border border-black/10 bg-white p-5 dark:border-white/15 dark:bg-neutral-900">
          <h2 id="profile-password" className="mb-4 text-lg font-semibold">
            Password
          </h2>
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
        </section>
      </div>
    </>
  );
}
