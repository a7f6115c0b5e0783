import { ActionForm } from '@/components/admin/action-form';
import { TaxonomyCard } from '@/components/admin/taxonomy-card';
import { EmptyState, Panel } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/lib/auth/session';
import { listTagsForAdmin } from '@/lib/tags';
import { mergeTagsAction, updateTagAction } from './actions';

export const metadata = { title: 'Tags' };

export default async function TagsPage() {
  const user = await requirePageRole('EDITOR', '/admin/tags');
  const tags = await listTagsForAdmin(user);
  const options = [{ value: '', label: 'Choose a tag…' }, ...tags.map((t) => ({ value: t.id, label: `${t.name} (${t.articleCount})` }))];
  return (
    <>
      <PageHeader title="Tags" description="Merging moves a tag’s articles to another tag, deletes it and redirects its page." />
      {tags.length === 0 ? <EmptyState>No tags yet. Tags are created from the article editor.</EmptyState> : null}
      {tags.length > 1 ? (
        <Panel id="merge-tags" title="Merge tags" className="mb-6 max-w-xl">
          <ActionForm
            label="Merge tags"
            action={mergeTagsAction}
            submitLabel="Merge tags"
            fields={[
              { kind: 'select', name: 'fromId', label: 'Merge this tag', defaultValue: '', options },
              { kind: 'select', name: 'intoId', label: 'Into this tag', defaultValue: '', options },
            ]}
          />
        </Panel>
      ) : null}
      <ul className="space-y-4">
        {tags.map((t) => (
          <TaxonomyCard key={t.id} kind="Tag" item={t} title={t.name} path={`/tags/${t.slug}`} action={updateTagAction} />
        ))}
      </ul>
    </>
  );
}
