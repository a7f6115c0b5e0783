import { ActionForm } from '@/components/admin/action-form';
import type { ActionState } from '@/lib/actions';

/** Editors' "Archive" panel: takes an article off the site for good, or brings an archived one back as a draft. */
export function ArticleArchivePanel({
  articleId,
  archived,
  action,
  deleteAction,
}: {
  articleId: string;
  archived: boolean;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  deleteAction: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  return (
    <section aria-labelledby="archive-panel" className="mt-10 max-w-xl rounded border border-black/10 bg-white p-5 dark:border-white/15 dark:bg-neutral-900">
      <h2 id="archive-panel" className="text-lg font-semibold">
        Archive
      </h2>
      <p className="mb-4 mt-1 text-sm">
        {archived
          ? 'This article is archived: readers cannot see it. Restoring makes it a draft again; publish it to bring it back.'
          : 'Archiving takes the article off the site and cancels any schedule. It can be restored as a draft later.'}
      </p>
      <ActionForm
        label={archived ? 'Restore the article' : 'Archive the article'}
        action={action}
        submitLabel={archived ? 'Restore to draft' : 'Archive article'}
        fields={[
          { kind: 'hidden', name: 'articleId', value: articleId },
          { kind: 'hidden', name: 'op', value: archived ? 'restore' : 'archive' },
        ]}
      />
      {archived ? (
        <>
          <p className="mb-4 mt-6 text-sm">
            Deleting removes the article, its revisions and its comments for good; its address then answers “not found”. This cannot be undone.
          </p>
          <ActionForm
            label="Delete the article permanently"
            action={deleteAction}
            submitLabel="Delete permanently"
            fields={[
              { kind: 'hidden', name: 'articleId', value: articleId },
              { kind: 'text', name: 'confirm', label: 'Type delete to confirm' },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
