import type { ReactNode } from 'react';
import type { ActionState } from '@/lib/actions';
import { ActionForm } from './action-form';

/**
 * One section or tag in its list: its name, address and article count, its name-and-description
 * form (saved by `action`), and any tools beside it.
 */
export function TaxonomyCard({
  kind,
  item,
  title,
  path,
  action,
  aside,
}: {
  kind: 'Section' | 'Tag';
  item: { id: string; name: string; description: string | null; articleCount: number; version: number };
  title: string;
  path: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  aside?: ReactNode;
}) {
  const lower = kind.toLowerCase();
  return (
    <li>
      <section aria-label={`${kind} ${item.name}`} className="rounded-lg border border-subtle bg-surface p-5 shadow-xs">
        <h2 className="font-semibold">
          {title}{' '}
          <span className="font-normal text-muted">
            {path} · {item.articleCount} articles
          </span>
        </h2>
        <div className="mt-3 grid gap-4 md:grid-cols-3">
          <div className="md:col-span-2">
            <ActionForm
              label={`Edit ${lower} ${item.name}`}
              action={action}
              submitLabel={`Save ${lower} ${item.name}`}
              fields={[
                { kind: 'hidden', name: 'id', value: item.id },
                // The version shown: a save after someone else's is refused with a message, not a silent overwrite.
                { kind: 'hidden', name: 'version', value: String(item.version) },
                { kind: 'text', name: 'name', label: 'Name', defaultValue: item.name },
                { kind: 'textarea', name: 'description', label: 'Description', defaultValue: item.description ?? '' },
              ]}
            />
          </div>
          {aside ? <div className="flex flex-col items-start gap-2">{aside}</div> : null}
        </div>
      </section>
    </li>
  );
}
