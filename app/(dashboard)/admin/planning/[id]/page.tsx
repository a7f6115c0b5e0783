import { notFound } from 'next/navigation';
import { ActionButton } from '@/components/admin/action-button';
import { PlanForm } from '@/components/admin/planning/plan-form';
import { PlanDraftSummary, PlanStatusBadge } from '@/components/admin/planning/plan-status';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Panel } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { hasRole } from '@/lib/auth/roles';
import { requirePageRole } from '@/lib/auth/session';
import { getPlan } from '@/lib/planning';
import { listSections } from '@/lib/sections';
import { formatDateTime, getSite } from '@/lib/site';
import { dateToZonedWallTime } from '@/lib/time-zone';
import { listActiveStaff } from '@/lib/users/admin';
import { deletePlanAction, startDraftAction, updatePlanAction, updatePlanProgressAction } from '../actions';

export const metadata = { title: 'Plan' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PlanPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePageRole('CONTRIBUTOR', `/admin/planning/${id}`);
  const isEditor = hasRole(user.role, 'EDITOR');
  const [plan, site, staff, sections] = await Promise.all([getPlan(id, user), getSite(), isEditor ? listActiveStaff() : [], isEditor ? listSections() : []]);
  if (!plan) notFound();
  const created = (await searchParams).saved === 'created';
  const initial = {
    headline: plan.headline,
    assigneeId: plan.assignee?.id ?? '',
    sectionId: plan.section?.id ?? '',
    targetWords: plan.targetWords ? String(plan.targetWords) : '',
    due: plan.dueAt ? dateToZonedWallTime(plan.dueAt, site.timeZone) : '',
    notes: plan.notes,
    status: plan.status,
  };

  return (
    <>
      <PageHeader
        breadcrumb={[{ label: 'Planning', href: '/admin/planning' }]}
        title={plan.headline}
        description={
          <>
            {plan.assignee ? `Assigned to ${plan.assignee.name}` : 'Nobody assigned yet'}
            {plan.section ? ` · ${plan.section.name}` : ''}
            {plan.dueAt ? ` · due ${formatDateTime(plan.dueAt, site.timeZone)}` : ''}
          </>
        }
        actions={
          plan.article ? (
            <ButtonLink href={`/admin/articles/${plan.article.id}`} variant="primary">
              Open draft
            </ButtonLink>
          ) : isEditor || plan.assignee?.id === user.id || !plan.assignee ? (
            <ActionButton action={startDraftAction} fields={{ planId: plan.id, version: String(plan.version) }} label="Start draft" variant="primary" />
          ) : null
        }
      />
      {created ? (
        <Alert tone="success" className="mb-4">
          Story planned.
        </Alert>
      ) : null}
      <Panel id="plan-progress" title="Progress" className="mb-6">
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-semibold">Status</dt>
            <dd className="mt-1">
              <PlanStatusBadge status={plan.shownStatus} />
            </dd>
          </div>
          <div>
            <dt className="font-semibold">Draft</dt>
            <dd className="mt-1">
              <PlanDraftSummary article={plan.article} targetWords={plan.targetWords} />
            </dd>
          </div>
        </dl>
      </Panel>
      <Panel id="plan-edit" title={isEditor ? 'Edit plan' : 'Update progress'} description={isEditor ? undefined : 'Move the story along and leave notes for the desk.'}>
        {isEditor ? (
          <PlanForm
            kind="full"
            action={updatePlanAction}
            planId={plan.id}
            version={plan.version}
            initial={initial}
            staff={staff.map((s) => ({ value: s.id, label: s.name }))}
            sections={sections.map((s) => ({ value: s.id, label: s.name }))}
            timeZone={site.timeZone}
            submitLabel="Save plan"
          />
        ) : (
          <PlanForm kind="progress" action={updatePlanProgressAction} planId={plan.id} version={plan.version} initial={initial} timeZone={site.timeZone} submitLabel="Save progress" />
        )}
      </Panel>
      {isEditor ? (
        <Panel id="plan-delete" title="Delete plan" tone="danger" className="mt-6" description="Takes the story off the budget. Its draft, if it has one, stays.">
          <ActionButton
            action={deletePlanAction}
            fields={{ planId: plan.id, version: String(plan.version) }}
            label="Delete plan"
            variant="danger"
            confirm="The plan leaves the budget for good. Its draft, if any, is kept."
          />
        </Panel>
      ) : null}
    </>
  );
}
