import Link from 'next/link';
import type { MenuLink } from '@/lib/menus';

const isExternal = (href: string) => !href.startsWith('/');

function MenuAnchor({ link, className }: { link: { label: string; href: string }; className?: string }) {
  return isExternal(link.href) ? (
    <a href={link.href} className={className} rel="noopener">
      {link.label}
    </a>
  ) : (
    <Link href={link.href} className={className}>
      {link.label}
    </Link>
  );
}

/** The header's links: a link with sub-links opens them in a disclosure (native details/summary: keyboard and screen-reader ready). */
export function HeaderMenu({ links }: { links: MenuLink[] }) {
  return (
    <ul className="mx-auto flex max-w-6xl flex-wrap justify-center gap-x-6 gap-y-1 px-4 py-2 text-sm font-semibold">
      {links.map((l, i) => (
        <li key={`${i}-${l.href}`} className="relative">
          {l.children.length ? (
            <details className="group">
              <summary className="cursor-pointer hover:text-accent">{l.label}</summary>
              <ul className="absolute left-0 z-10 mt-2 min-w-40 space-y-1 rounded-md border border-subtle bg-surface p-2 font-normal shadow-xs">
                <li>
                  <MenuAnchor link={l} className="hover:text-accent" />
                </li>
                {l.children.map((c, j) => (
                  <li key={`${j}-${c.href}`}>
                    <MenuAnchor link={c} className="hover:text-accent" />
                  </li>
                ))}
              </ul>
            </details>
          ) : (
            <MenuAnchor link={l} className="hover:text-accent" />
          )}
        </li>
      ))}
    </ul>
  );
}

/** The footer's links: top-level links in a row, each with its sub-links beneath. */
export function FooterMenu({ links }: { links: MenuLink[] }) {
  return (
    <ul className="mx-auto mb-6 flex max-w-4xl flex-wrap justify-center gap-x-8 gap-y-3">
      {links.map((l, i) => (
        <li key={`${i}-${l.href}`}>
          <MenuAnchor link={l} className="font-semibold underline" />
          {l.children.length ? (
            <ul className="mt-1 space-y-1">
              {l.children.map((c, j) => (
                <li key={`${j}-${c.href}`}>
                  <MenuAnchor link={c} className="underline" />
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
