import { ActionForm } from '@/components/admin/action-form';
import { requirePageRole } from '@/lib/auth/session';
import { listSectionsForAdmin } from '@/lib/sections/admin';
import { createSectionAction, moveSectionAction, updateSectionAction } from './actions';

export const metadata = { title: 'Sections' };

export default async function SectionsPage() {
  const user = await requirePageRole('EDITOR', '/admin/sections');
  const sections = await listSectionsForAdmin(user);
  return (
    <>
      <h1 className="text-2xl font-bold">Sections</h1>
      <p className="mt-1 text-sm">In navigation order. Renaming keeps the section’s address.</p>
      <ol className="mt-6 space-y-4">
        {sections.map((s, i) => (
          <li key={s.id} className="rounded border border-black/10 bg-white p-4 dark:border-white/15 dark:bg-neutral-900">
            <section aria-label={`Section ${s.name}`}>
              <h2 className="font-semibold">
                {i + 1}. {s.name} <span className="font-normal text-neutral-600 dark:text-neutral-300">/sections/{s.slug} · {s.articleCount} articles</span>
              </h2>
              <div className="mt-3 grid gap-4 md:grid-cols-3">
                <div className="md:col-span-2">
                  <ActionForm
                    label={`Edit section ${s.name}`}
                    action={updateSectionAction}
                    submitLabel={`Save section ${s.name}`}
                    fields={[
                      { kind: 'hidden', name: 'id', value: s.id },
                      { kind: 'text', name: 'name', label: 'Name', defaultValue: s.name },
                      { kind: 'textarea', name: 'description', label: 'Description', defaultValue: s.description ?? '' },
                    ]}
                  />
                </div>
                <div className="flex flex-col gap-2">
                  {i > 0 ? (
                    <ActionForm inline label={`Move ${s.name} up`} action={moveSectionAction} submitLabel={`Move ${s.name} up`} fields={[{ kind: 'hidden', name: 'id', value: s.id }, { kind: 'hidden', name: 'direction', value: 'up' }]} />
                  ) : null}
                  {i < sections.length - 1 ? (
                    <ActionForm inline label={`Move ${s.name} down`} action={moveSectionAction} submitLabel={`Move ${s.name} down`} fields={[{ kind: 'hidden', name: 'id', value: s.id }, { kind: 'hidden', name: 'direction', value: 'down' }]} />
                  ) : null}
                </div>
              </div>
            </section>
          </li>
        ))}
      </ol>
      <section aria-labelledby="add-section" className="mt-10 max-w-xl rounded border border-black/10 bg-white p-5 dark:border-white/15 dark:bg-neutral-900">
        <h2 id="add-section" className="mb-4 text-lg font-semibold">
          Add a section
        </h2>
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
      </section>
    </>
  );
}
