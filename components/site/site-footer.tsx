import Link from 'next/link';
import { getSite } from '@/lib/site';

export async function SiteFooter() {
  const site = await getSite();
  return (
    <footer className="mt-16 border-t border-black/10 py-8 text-center text-sm text-[var(--color-muted)] dark:border-white/15">
      <p>
        {site.name} — {site.tagline}. <Link href="/login" className="underline">Staff sign in</Link>
      </p>
    </footer>
  );
}
