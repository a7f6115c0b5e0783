'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: '/login' })} className="rounded border border-black/20 px-3 py-1 dark:border-white/30">
      Sign out
    </button>
  );
}
