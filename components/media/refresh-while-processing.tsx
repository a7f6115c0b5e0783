'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** Refreshes the server-rendered screen every few seconds while some image on it is still being processed. */
export function RefreshWhileProcessing({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}
