import type { ReactNode } from 'react';
import { IslandsBoot } from '@/components/islands/islands-boot';
import { BreakingAlert } from '@/components/live/breaking-alert';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';
import { pageTags, tagPage } from '@/lib/cache';
import { sectionMenu, getPublicMenu } from '@/lib/menus';
import { getCurrentWeather } from '@/lib/weather';

export default async function PublicLayout({ children }: { children: ReactNode }) {
  // The weather call is bounded by its own timeout and never rejects, so it cannot hold the page past 1.5 s.
  const [header, footer, weather] = await Promise.all([getPublicMenu('header'), getPublicMenu('footer'), getCurrentWeather()]);
  // Every public page shows both menus: saving one refreshes them all, and nothing else does.
  await tagPage(pageTags.menu('header'), pageTags.menu('footer'));
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-surface focus:p-2 focus:text-fg">
        Skip to content
      </a>
      <BreakingAlert />
      <SiteHeader menu={header ?? (await sectionMenu())} now={new Date()} weather={weather} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <SiteFooter menu={footer ?? []} />
      <IslandsBoot />
    </>
  );
}
