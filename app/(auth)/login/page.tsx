import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { ThemeToggle } from '@/components/theme/theme-toggle';
import { Card } from '@/components/ui/card';
import { resolveCallbackUrl } from '@/lib/auth/callback-url';
import { ENROL_PATH, getSessionState } from '@/lib/auth/session';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  // Only paths on this site: never bounce a signed-in user to another host.
  const callbackUrl = resolveCallbackUrl((await searchParams).callbackUrl, env.SITE_URL);
  const state = await getSessionState();
  if (state?.mustEnrol) redirect(ENROL_PATH);
  if (state) redirect(callbackUrl);
  return (
    <main className="min-h-screen bg-canvas px-4 py-16">
      <div className="mx-auto max-w-sm">
        <p className="text-center">
          <Link href="/" className="font-serif text-3xl font-bold">
            Broadsheet
          </Link>
        </p>
        <Card className="mt-8">
          <h1 className="text-2xl font-bold">Sign in</h1>
          <p className="mt-1 text-sm text-muted">For editors, authors and administrators.</p>
          <SignInForm callbackUrl={callbackUrl} />
        </Card>
        <div className="mt-6 text-center">
          <ThemeToggle />
        </div>
      </div>
    </main>
  );
}
