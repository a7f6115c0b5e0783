import type { ReactNode } from 'react';
import { BreakingAlert } from '@/components/live/breaking-alert';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';
import { listSections } from '@/lib/sections';
import { getCurrentWeather } from '@/lib/weather';

export default async function PublicLayout({ children }: { children: ReactNode }) {
  // The weather call is bounded by its own timeout and never rejects, so it cannot hold the page past 1.5 s.
  const [sections, weather] = await Promise.all([listSections(), getCurrentWeather()]);
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-surface focus:p-2 focus:text-fg">
        Skip to content
      </a>
      <BreakingAlert />
      <SiteHeader sections={sections} now={new Date()} weather={weather} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
