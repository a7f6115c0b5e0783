import { PlanningTabs } from '@/components/admin/planning/planning-tabs';
import { PlanWeek } from '@/components/admin/planning/plan-week';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { hasRole } from '@/lib/auth/roles';
import { requirePageRole } from '@/lib/auth/session';
import { getPlanWeek } from '@/lib/planning';
import { addDays } from '@/lib/planning/status';
import { formatLongDate, getSite, isoDateIn } from '@/lib/site';
import { planWeekQuerySchema } from '@/lib/validation/planning';

export const metadata = { title: 'Planning: week' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PlanningWeekPage({ searchParams }: Props) {
  const user = await requirePageRole('CONTRIBUTOR', '/admin/planning/week');
  const { timeZone } = await getSite();
  const today = isoDateIn(new Date(), timeZone);
  const { week: day = today } = planWeekQuerySchema.parse(await searchParams);
  const week = await getPlanWeek(user, day);
  const [first, last] = [week.days[0]!, week.days[6]!];
  const label = (d: string) => formatLongDate(new Date(`${d}T12:00:00Z`), 'UTC');

  return (
    <>
      <PageHeader
        title="Planning"
        description={`Plans due this week beside the articles scheduled and published in it (${timeZone} time).`}
        actions={
          hasRole(user.role, 'EDITOR') ? (
            <ButtonLink href="/admin/planning/new" variant="primary">
              New plan
            </ButtonLink>
          ) : null
        }
      />
      <PlanningTabs current="week" />
      <Pager
        label="Weeks"
        prev={{ href: `/admin/planning/week?week=${addDays(first, -7)}`, label: 'Previous week' }}
        next={{ href: `/admin/planning/week?week=${addDays(first, 7)}`, label: 'Next week' }}
        status={
          <span aria-live="polite">
            Week of {label(first)} to {label(last)}
          </span>
        }
      />
      <div className="mt-4">
        <PlanWeek days={week.days} plans={week.plans} articles={week.articles} timeZone={timeZone} today={today} />
      </div>
    </>
  );
}
