import { ActionForm } from '@/components/admin/action-form';
import { Panel } from '@/components/ui/card';
import type { ActionState } from '@/lib/actions';

/** "Address" panel of the article edit page: changes the slug; the old address redirects. */
export function ArticleSlugPanel({ articleId, slug, action }: { articleId: string; slug: string; action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  return (
    <Panel
      id="slug-panel"
      title="Address"
      description={
        <>
          Currently <code>/articles/{slug}</code>. Links to the old address keep working: they redirect to the new one.
        </>
      }
    >
      <ActionForm
        label="Change the article’s address"
        action={action}
        submitLabel="Change slug"
        variant="secondary"
        fields={[
          { kind: 'hidden', name: 'articleId', value: articleId },
          { kind: 'text', name: 'slug', label: 'Slug', defaultValue: slug, hint: 'Lowercase letters, digits and hyphens.', autoComplete: 'off' },
        ]}
      />
    </Panel>
  );
}
