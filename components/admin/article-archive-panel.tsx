import { ActionForm } from '@/components/admin/action-form';
import { Panel } from '@/components/ui/card';
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
    <Panel
      id="archive-panel"
      title="Archive"
      tone="danger"
      description={
        archived
          ? 'This article is archived: readers cannot see it. Restoring makes it a draft again; publish it to bring it back.'
          : 'Archiving takes the article off the site and cancels any schedule. It can be restored as a draft later.'
      }
    >
      <ActionForm
        label={archived ? 'Restore the article' : 'Archive the article'}
        action={action}
        submitLabel={archived ? 'Restore to draft' : 'Archive article'}
        variant={archived ? 'secondary' : 'danger'}
        fields={[
          { kind: 'hidden', name: 'articleId', value: articleId },
          { kind: 'hidden', name: 'op', value: archived ? 'restore' : 'archive' },
        ]}
      />
      {archived ? (
        <>
          <p className="mt-6 mb-4 text-sm text-muted">Deleting removes the article, its revisions and its comments for good; its address then answers “not found”. This cannot be undone.</p>
          <ActionForm
            label="Delete the article permanently"
            action={deleteAction}
            submitLabel="Delete permanently"
            variant="danger"
            fields={[
              { kind: 'hidden', name: 'articleId', value: articleId },
              { kind: 'text', name: 'confirm', label: 'Type delete to confirm' },
            ]}
          />
        </>
      ) : null}
    </Panel>
  );
}
