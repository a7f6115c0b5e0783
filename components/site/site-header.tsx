import Link from 'next/link';
import { SearchForm } from '@/components/search/search-form';
import { formatLongDate, getSite, isoDateIn } from '@/lib/site';
import type { MenuLink } from '@/lib/menus';
import { formatTemperature, type WeatherReading } from '@/lib/weather';
import { HeaderMenu } from './menu-links';

/** The masthead; `weather` is null when the forecast endpoint failed or was too slow, and the reading is then left out. */
export async function SiteHeader({ menu, now, weather }: { menu: MenuLink[]; now: Date; weather: WeatherReading | null }) {
  // Name and time zone come from admin settings (one cached read per render, see lib/settings).
  const site = await getSite();
  return (
    <header className="border-b border-subtle">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 pt-3 text-sm text-muted">
        <time dateTime={isoDateIn(now, site.timeZone)}>{formatLongDate(now, site.timeZone)}</time>
        <div className="flex flex-wrap items-center gap-4">
          {weather ? (
            <div role="group" aria-label={`Weather in ${weather.city}`}>
              {formatTemperature(weather.temperatureC)} {weather.city}
            </div>
          ) : null}
          <SearchForm id="site-search-q" compact label="Search" />
        </div>
      </div>
      <div className="mx-auto max-w-6xl px-4 py-4 text-center">
        <Link href="/" className="font-serif text-4xl font-bold tracking-tight sm:text-5xl">
          {site.name}
        </Link>
        <p className="mt-1 text-sm text-muted">{site.tagline}</p>
      </div>
      <nav aria-label="Main" className="border-t border-subtle">
        <HeaderMenu links={menu} />
      </nav>
    </header>
  );
}
