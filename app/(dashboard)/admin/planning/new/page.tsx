import { PlanForm } from '@/components/admin/planning/plan-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/lib/auth/session';
import { listSections } from '@/lib/sections';
import { getSite } from '@/lib/site';
import { listActiveStaff } from '@/lib/users/admin';
import { createPlanAction } from '../actions';

export const metadata = { title: 'New plan' };

export default async function NewPlanPage() {
  await requirePageRole('EDITOR', '/admin/planning/new');
  const [staff, sections, site] = await Promise.all([listActiveStaff(), listSections(), getSite()]);
  return (
    <>
      <PageHeader breadcrumb={[{ label: 'Planning', href: '/admin/planning' }]} title="New plan" description="A story on the budget: who writes it, for which section, how long and by when." />
      <Card className="max-w-3xl">
        <PlanForm
          kind="full"
          action={createPlanAction}
          initial={{ headline: '', assigneeId: '', sectionId: '', targetWords: '', due: '', notes: '', status: 'IDEA' }}
          staff={staff.map((s) => ({ value: s.id, label: s.name }))}
          sections={sections.map((s) => ({ value: s.id, label: s.name }))}
          timeZone={site.timeZone}
          submitLabel="Plan story"
        />
      </Card>
    </>
  );
}
