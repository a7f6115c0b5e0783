import Link from 'next/link';
import { ThemeToggle } from '@/components/theme/theme-toggle';
import { getSite } from '@/lib/site';

export async function SiteFooter() {
  const site = await getSite();
  return (
    <footer className="mt-16 border-t border-subtle py-8 text-center text-sm text-muted">
      <p>
        {site.name} — {site.tagline}.{' '}
        <Link href="/login" className="underline">
          Staff sign in
        </Link>
      </p>
      <ThemeToggle className="mt-4" />
    </footer>
  );
}
