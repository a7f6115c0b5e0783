import { ActionForm } from '@/components/admin/action-form';
import type { ActionState } from '@/lib/actions';

/** "Address" panel of the article edit page: changes the slug; the old address redirects. */
export function ArticleSlugPanel({ articleId, slug, action }: { articleId: string; slug: string; action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  return (
    <section aria-labelledby="slug-panel" className="mt-10 max-w-xl rounded border border-black/10 bg-white p-5 dark:border-white/15 dark:bg-neutral-900">
      <h2 id="slug-panel" className="text-lg font-semibold">
        Address
      </h2>
      <p className="mb-4 mt-1 text-sm">
        Currently <code>/articles/{slug}</code>. Links to the old address keep working: they redirect to the new one.
      </p>
      <ActionForm
        label="Change the article’s address"
        action={action}
        submitLabel="Change slug"
        fields={[
          { kind: 'hidden', name: 'articleId', value: articleId },
          { kind: 'text', name: 'slug', label: 'Slug', defaultValue: slug, hint: 'Lowercase letters, digits and hyphens.', autoComplete: 'off' },
        ]}
      />
    </section>
  );
}
