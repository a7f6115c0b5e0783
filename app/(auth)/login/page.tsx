import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { SignInForm } from '@/components/auth/sign-in-form';
import { ThemeToggle } from '@/components/theme/theme-toggle';
import { Card } from '@/components/ui/card';
import { getCurrentUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign in' };

// Only same-site paths: never bounce a signed-in user to another host.
const callbackSchema = z
  .string()
  .regex(/^\/(?!\/)[^\s]*$/)
  .catch('/admin');

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const callbackUrl = callbackSchema.parse((await searchParams).callbackUrl ?? '/admin');
  if (await getCurrentUser()) redirect(callbackUrl);
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
