import Link from 'next/link';
import { ThemeToggleStatic } from '@/components/theme/theme-toggle-static';
import type { MenuLink } from '@/lib/menus';
import { getSite } from '@/lib/site';
import { FooterMenu } from './menu-links';

export async function SiteFooter({ menu }: { menu: MenuLink[] }) {
  const site = await getSite();
  return (
    <footer className="mt-16 border-t border-subtle py-8 text-center text-sm text-muted">
      {menu.length ? (
        <nav aria-label="Footer">
          <FooterMenu links={menu} />
        </nav>
      ) : null}
      <p>
        {site.name} — {site.tagline}.{' '}
        <Link href="/login" className="underline">
          Staff sign in
        </Link>
      </p>
      <ThemeToggleStatic className="mt-4" />
    </footer>
  );
}
