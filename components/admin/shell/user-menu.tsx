'use client';

import Link from 'next/link';
import { signOut } from 'next-auth/react';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ThemeToggle } from '@/components/theme/theme-toggle';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

/**
 * The signed-in person in the top bar, opening a small menu: their profile, the colour theme
 * and Sign out. A disclosure (button and panel): Escape or a click elsewhere closes it.
 */
export function UserMenu({ name, role }: { name: string; role: string }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  return (
    <div
      ref={box}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded-full py-1 pr-3 pl-1 text-sm hover:bg-surface-muted"
      >
        <span aria-hidden className="grid size-8 place-items-center rounded-full bg-primary text-xs font-bold text-on-primary">
          {initials(name)}
        </span>
        <span className="hidden font-semibold sm:inline">{name}</span>
        <span className="sr-only sm:not-sr-only sm:text-muted">({role.toLowerCase()})</span>
      </button>
      {open ? (
        <div id={panelId} className="absolute right-0 z-30 mt-2 w-64 rounded-lg border border-subtle bg-surface p-2 text-sm shadow-lg">
          <p className="px-2 py-1 text-muted">
            Signed in as <strong className="text-fg">{name}</strong>, {role.toLowerCase()}
          </p>
          <ul className="mt-1 border-t border-subtle pt-1">
            <li>
              <Link href="/admin/profile" onClick={() => setOpen(false)} className="block rounded-md px-2 py-1.5 font-medium hover:bg-surface-muted">
                Profile
              </Link>
            </li>
            <li>
              <Link href="/" className="block rounded-md px-2 py-1.5 font-medium hover:bg-surface-muted">
                View site
              </Link>
            </li>
          </ul>
          <div className="mt-1 border-t border-subtle px-2 pt-2">
            <p className="mb-1 text-xs text-muted">Theme</p>
            <ThemeToggle />
          </div>
          <div className="mt-2 border-t border-subtle pt-2">
            <Button variant="ghost" size="sm" className="w-full justify-start" onClick={() => signOut({ callbackUrl: '/login' })}>
              Sign out
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
