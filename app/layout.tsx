import './globals.css';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { THEME_SCRIPT } from '@/lib/theme/script.mjs';
import { inter } from './fonts/inter';

export const metadata: Metadata = {
  title: { default: 'Broadsheet', template: '%s — Broadsheet' },
  description: 'Independent news, clearly told.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The inline script may set data-theme before React hydrates: that difference is expected.
    <html lang="en" className={inter.variable} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
