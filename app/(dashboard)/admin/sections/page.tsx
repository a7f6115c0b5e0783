import { ActionForm } from '@/components/admin/action-form';
import { TaxonomyCard } from '@/components/admin/taxonomy-card';
import { Panel } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/lib/auth/session';
import { listSectionsForAdmin } from '@/lib/sections/admin';
import { createSectionAction, moveSectionAction, updateSectionAction } from './actions';

export const metadata = { title: 'Sections' };

export default async function SectionsPage() {
  const user = await requirePageRole('EDITOR', '/admin/sections');
  const sections = await listSectionsForAdmin(user);
  const move = (s: { id: string; name: string }, direction: 'up' | 'down') => (
    <ActionForm
      inline
      label={`Move ${s.name} ${direction}`}
      action={moveSectionAction}
      submitLabel={`Move ${s.name} ${direction}`}
      variant="secondary"
      fields={[
        { kind: 'hidden', name: 'id', value: s.id },
        { kind: 'hidden', name: 'direction', value: direction },
      ]}
    />
  );
  return (
    <>
      <PageHeader title="Sections" description="In navigation order. Renaming keeps the section’s address." />
      <ol className="space-y-4">
        {sections.map((s, i) => (
          <TaxonomyCard
            key={s.id}
            kind="Section"
            item={s}
            title={`${i + 1}. ${s.name}`}
            path={`/sections/${s.slug}`}
            action={updateSectionAction}
            aside={
              <>
                {i > 0 ? move(s, 'up') : null}
                {i < sections.length - 1 ? move(s, 'down') : null}
              </>
            }
          />
        ))}
      </ol>
      <Panel id="add-section" title="Add a section" className="mt-10 max-w-xl">
        <ActionForm
          label="Add a section"
          action={createSectionAction}
          submitLabel="Add section"
          fields={[
            { kind: 'text', name: 'name', label: 'Name' },
            { kind: 'text', name: 'slug', label: 'Slug (optional)', hint: 'Made from the name when left empty, e.g. "climate-desk".' },
            { kind: 'textarea', name: 'description', label: 'Description' },
          ]}
        />
      </Panel>
    </>
  );
}
