import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { Card } from '@/components/ui/card';
import { getSessionState } from '@/lib/auth/session';
import { TwoFactorSection } from '@/app/(dashboard)/admin/profile/two-factor';

export const metadata: Metadata = { title: 'Set up two-factor authentication', robots: { index: false } };

/**
 * Where someone the site requires to use two-factor lands after their password, and the only
 * page their session opens until they have set up an authenticator app or a passkey.
 */
export default async function EnrolPage() {
  const state = await getSessionState();
  if (!state) redirect('/login');
  return (
    <div className="min-h-screen bg-canvas text-fg">
      <main className="mx-auto max-w-xl px-4 py-16">
        <p>
          <Link href="/" className="font-serif text-3xl font-bold">
            Broadsheet
          </Link>
        </p>
        <h1 className="mt-8 text-2xl font-bold">Set up two-factor authentication</h1>
        {state.mustEnrol ? (
          <p className="mt-2 text-sm">The site requires two-factor authentication for your role. Set up an authenticator app or a passkey to continue, {state.user.name}.</p>
        ) : (
          <p className="mt-2 text-sm">Two-factor authentication is on for your account.</p>
        )}
        <Card className="mt-6">
          <section aria-labelledby="enrol-factors">
            <h2 id="enrol-factors" className="mb-4 text-lg font-semibold">
              Your ways to confirm it is you
            </h2>
            <TwoFactorSection user={state.user} enrolOnly />
          </section>
        </Card>
        <p className="mt-6 text-sm">
          Not now? <SignOutButton />
        </p>
      </main>
    </div>
  );
}
