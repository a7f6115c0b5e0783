import { ActionForm } from '@/components/admin/action-form';
import { requirePageRole } from '@/lib/auth/session';
import { listTagsForAdmin } from '@/lib/tags';
import { mergeTagsAction, updateTagAction } from './actions';

export const metadata = { title: 'Tags' };

export default async function TagsPage() {
  const user = await requirePageRole('EDITOR', '/admin/tags');
  const tags = await listTagsForAdmin(user);
  const options = tags.map((t) => ({ value: t.id, label: `${t.name} (${t.articleCount})` }));
  return (
    <>
      <h1 className="text-2xl font-bold">Tags</h1>
      <p className="mt-1 text-sm">Merging moves a tag’s articles to another tag, deletes it and redirects its page.</p>
      {tags.length === 0 ? <p className="mt-6">No tags yet. Tags are created from the article editor.</p> : null}
      {tags.length > 1 ? (
        <section aria-labelledby="merge-tags" className="mt-6 max-w-xl rounded border border-black/10 bg-white p-5 dark:border-white/15 dark:bg-neutral-900">
          <h2 id="merge-tags" className="mb-4 text-lg font-semibold">
            Merge tags
          </h2>
          <ActionForm
            label="Merge tags"
            action={mergeTagsAction}
            submitLabel="Merge tags"
            fields={[
              { kind: 'select', name: 'fromId', label: 'Merge this tag', defaultValue: '', options: [{ value: '', label: 'Choose a tag…' }, ...options] },
              { kind: 'select', name: 'intoId', label: 'Into this tag', defaultValue: '', options: [{ value: '', label: 'Choose a tag…' }, ...options] },
            ]}
          />
        </section>
      ) : null}
      <ul className="mt-6 space-y-4">
        {tags.map((t) => (
          <li key={t.id} className="rounded border border-black/10 bg-white p-4 dark:border-white/15 dark:bg-neutral-900">
            <section aria-label={`Tag ${t.name}`}>
              <h2 className="font-semibold">
                {t.name} <span className="font-normal text-neutral-600 dark:text-neutral-300">/tags/{t.slug} · {t.articleCount} articles</span>
              </h2>
              <div className="mt-3 max-w-xl">
                <ActionForm
                  label={`Edit tag ${t.name}`}
                  action={updateTagAction}
                  submitLabel={`Save tag ${t.name}`}
                  fields={[
                    { kind: 'hidden', name: 'id', value: t.id },
                    { kind: 'text', name: 'name', label: 'Name', defaultValue: t.name },
                    { kind: 'textarea', name: 'description', label: 'Description', defaultValue: t.description ?? '' },
                  ]}
                />
              </div>
            </section>
          </li>
        ))}
      </ul>
    </>
  );
}
