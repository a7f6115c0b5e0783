import Link from 'next/link';
import { PlanStatusBadge } from '@/components/admin/planning/plan-status';
import { Badge } from '@/components/ui/badge';
import type { CalendarArticle } from '@/lib/articles/calendar';
import type { PlanRow } from '@/lib/planning';
import { isoDateIn } from '@/lib/site';

type Item = { key: string; at: Date; href: string; title: string; kind: 'plan'; plan: PlanRow } | { key: string; at: Date; href: string; title: string; kind: 'article'; article: CalendarArticle };

const dayName = (day: string) => new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/**
 * The week as seven days (Monday first): plans due that day beside the articles scheduled or
 * published that day, by time, days and times in the site's time zone.
 */
export function PlanWeek({ days, plans, articles, timeZone, today }: { days: string[]; plans: PlanRow[]; articles: CalendarArticle[]; timeZone: string; today: string }) {
  const items: Item[] = [
    ...plans.map((p) => ({ key: `p-${p.id}`, at: p.dueAt!, href: `/admin/planning/${p.id}`, title: p.headline, kind: 'plan' as const, plan: p })),
    ...articles.map((a) => ({ key: `a-${a.id}-${a.status}`, at: a.at, href: `/admin/articles/${a.id}`, title: a.title, kind: 'article' as const, article: a })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone });

  return (
    <div className="grid gap-3 md:grid-cols-2 lg:grid-cols-7">
      {days.map((day) => {
        const onDay = items.filter((i) => isoDateIn(i.at, timeZone) === day);
        const headingId = `day-${day}`;
        return (
          <section key={day} aria-labelledby={headingId} className={`rounded-lg border bg-surface p-3 ${day === today ? 'border-primary' : 'border-subtle'}`}>
            <h2 id={headingId} className="text-sm font-semibold">
              <time dateTime={day}>{dayName(day)}</time>
              {day === today ? <span className="ml-1 font-normal text-muted">(today)</span> : null}
            </h2>
            {onDay.length ? (
              <ul className="mt-2 space-y-2 text-sm">
                {onDay.map((i) => (
                  <li key={i.key} className="rounded-md border border-subtle p-2">
                    <div className="flex flex-wrap items-center gap-1 text-xs text-muted">
                      <time dateTime={i.at.toISOString()}>{time.format(i.at)}</time>
                      {i.kind === 'plan' ? (
                        <>
                          <span>Plan</span>
                          <PlanStatusBadge status={i.plan.shownStatus} />
                        </>
                      ) : (
                        <Badge tone={i.article.status === 'PUBLISHED' ? 'success' : 'info'}>{i.article.status === 'PUBLISHED' ? 'Published' : 'Scheduled'}</Badge>
                      )}
                    </div>
                    <Link href={i.href} className="mt-1 block font-semibold break-words hover:underline">
                      {i.title}
                    </Link>
                    {i.kind === 'plan' && i.plan.assignee ? <p className="text-xs text-muted">{i.plan.assignee.name}</p> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-muted">Nothing planned.</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
