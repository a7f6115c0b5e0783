import Link from 'next/link';
import { PlanDraftSummary, PlanStatusBadge } from '@/components/admin/planning/plan-status';
import { PlanningTabs } from '@/components/admin/planning/planning-tabs';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { hasRole } from '@/lib/auth/roles';
import { requirePageRole } from '@/lib/auth/session';
import { listPlans, PLAN_LIST_LIMIT } from '@/lib/planning';
import { listSections } from '@/lib/sections';
import { formatDateTime, getSite } from '@/lib/site';
import { listActiveStaff } from '@/lib/users/admin';
import { planListQuerySchema } from '@/lib/validation/planning';

export const metadata = { title: 'Planning' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const LIST = '/admin/planning';

export default async function PlanningPage({ searchParams }: Props) {
  const user = await requirePageRole('CONTRIBUTOR', LIST);
  const raw = await searchParams;
  const query = planListQuerySchema.parse(raw);
  const isEditor = hasRole(user.role, 'EDITOR');
  const [plans, sections, staff, site] = await Promise.all([listPlans(user, query), listSections(), isEditor ? listActiveStaff() : [], getSite()]);
  const filtered = !!(query.section || query.assignee || query.day);

  return (
    <>
      <PageHeader
        title="Planning"
        description={
          isEditor
            ? `The story budget: every planned story, who is writing it and when it is due (${site.timeZone} time). Stories published before today leave the list; the week view and the day filter keep them.`
            : `The stories assigned to you and when they are due (${site.timeZone} time). Stories published before today leave the list; the week view keeps them.`
        }
        actions={
          isEditor ? (
            <ButtonLink href="/admin/planning/new" variant="primary">
              New plan
            </ButtonLink>
          ) : null
        }
      />
      <PlanningTabs current="list" />
      {raw.deleted ? (
        <Alert tone="success" className="mb-4">
          The plan was deleted.
        </Alert>
      ) : null}
      <Card className="p-4">
        <form method="get" action={LIST} aria-label="Filter plans" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
          <Field id="plan-section" label="Section">
            {(p) => (
              <Select {...p} compact name="section" defaultValue={query.section ?? ''} options={[{ value: '', label: 'All sections' }, ...sections.map((s) => ({ value: s.id, label: s.name }))]} />
            )}
          </Field>
          {isEditor ? (
            <Field id="plan-assignee" label="Assignee">
              {(p) => <Select {...p} compact name="assignee" defaultValue={query.assignee ?? ''} options={[{ value: '', label: 'Everyone' }, ...staff.map((s) => ({ value: s.id, label: s.name }))]} />}
            </Field>
          ) : null}
          <Field id="plan-day" label="Due on">
            {(p) => <Input {...p} compact type="date" name="day" defaultValue={query.day ?? ''} />}
          </Field>
          <div className="flex items-center gap-3">
            <Button type="submit" variant="primary" size="sm">
              Apply filters
            </Button>
            {filtered ? (
              <Link href={LIST} className="text-sm font-semibold underline">
                Clear filters
              </Link>
            ) : null}
          </div>
        </form>
      </Card>
      {plans.length === PLAN_LIST_LIMIT ? (
        <p className="mt-4 text-sm text-muted" role="status">
          Showing the first {PLAN_LIST_LIMIT} plans by due time. Filter by section, assignee or day to see the rest.
        </p>
      ) : null}
      <div className="mt-6">
        <DataTable
          caption="Planned stories"
          rows={plans}
          rowKey={(p) => p.id}
          empty={filtered ? 'No plans match these filters.' : isEditor ? 'Nothing planned yet. Plan a story to start the budget.' : 'No stories are assigned to you yet.'}
          columns={[
            {
              key: 'headline',
              header: 'Working headline',
              rowHeader: true,
              cell: (p) => (
                <Link href={`/admin/planning/${p.id}`} className="font-semibold underline-offset-2 hover:underline">
                  {p.headline}
                </Link>
              ),
            },
            { key: 'section', header: 'Section', cell: (p) => p.section?.name ?? '—' },
            { key: 'assignee', header: 'Assignee', cell: (p) => p.assignee?.name ?? 'Nobody yet' },
            { key: 'due', header: 'Due', className: 'whitespace-nowrap', cell: (p) => (p.dueAt ? <time dateTime={p.dueAt.toISOString()}>{formatDateTime(p.dueAt, site.timeZone)}</time> : '—') },
            { key: 'status', header: 'Status', cell: (p) => <PlanStatusBadge status={p.shownStatus} /> },
            { key: 'draft', header: 'Draft', cell: (p) => <PlanDraftSummary article={p.article} targetWords={p.targetWords} /> },
          ]}
        />
      </div>
    </>
  );
}
