'use client';

import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import type { EditableLink } from '@/lib/menus/tree';

export type MenuChoices = { section: { id: string; label: string }[]; page: { id: string; label: string }[]; tag: { id: string; label: string }[] };
export type LinkMove = 'up' | 'down' | 'nest' | 'unnest' | 'remove';

const KIND_OPTIONS = [
  { value: 'section', label: 'Section' },
  { value: 'page', label: 'Page' },
  { value: 'tag', label: 'Tag' },
  { value: 'url', label: 'Web address' },
];

/**
 * One link of the menu editor: its label, what it opens, and buttons named by what they do
 * ("Move “World” up"), shown only when they would do something. `focusRef` lets the editor
 * put focus back on the same button after the link moved, so keyboard reordering can go on.
 */
export function MenuLinkRow({
  link,
  path,
  moves,
  choices,
  onChange,
  onMove,
  focusRef,
}: {
  link: EditableLink;
  /** "3" or "3.1": the link's place, for its fields' ids and its legend. */
  path: string;
  moves: { up: boolean; down: boolean; nest: boolean; unnest: boolean };
  choices: MenuChoices;
  onChange: (patch: Partial<EditableLink>) => void;
  onMove: (move: LinkMove) => void;
  focusRef: (move: LinkMove) => (el: HTMLButtonElement | null) => void;
}) {
  const targetName = link.kind === 'url' ? undefined : choices[link.kind].find((c) => c.id === link.targetId)?.label;
  const name = link.label.trim() || targetName || `link ${path}`;
  const id = `menu-${link.key}`;
  const button = (move: LinkMove, label: string, variant: 'secondary' | 'danger' = 'secondary') => (
    <Button ref={focusRef(move)} size="sm" variant={variant} onClick={() => onMove(move)}>
      {label}
    </Button>
  );
  return (
    <fieldset className="rounded-md border border-subtle bg-surface p-3">
      <legend className="px-1 text-sm font-semibold">Link {path}</legend>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={`${id}-label`} label="Label" hint={link.kind === 'url' ? undefined : `Empty: the ${link.kind}’s name.`}>
          {(p) => <Input {...p} value={link.label} maxLength={60} onChange={(e) => onChange({ label: e.target.value })} />}
        </Field>
        <Field id={`${id}-kind`} label="Links to">
          {(p) => <Select {...p} value={link.kind} options={KIND_OPTIONS} onChange={(e) => onChange({ kind: e.target.value as EditableLink['kind'], targetId: '' })} />}
        </Field>
        {link.kind === 'url' ? (
          <Field id={`${id}-url`} label="Web address" hint="https://… or a path such as /search">
            {(p) => <Input {...p} value={link.url} onChange={(e) => onChange({ url: e.target.value })} />}
          </Field>
        ) : (
          <Field id={`${id}-target`} label={KIND_OPTIONS.find((k) => k.value === link.kind)!.label}>
            {(p) => (
              <Select
                {...p}
                value={link.targetId}
                onChange={(e) => onChange({ targetId: e.target.value })}
                options={[{ value: '', label: `Choose a ${link.kind}` }, ...choices[link.kind as keyof MenuChoices].map((c) => ({ value: c.id, label: c.label }))]}
              />
            )}
          </Field>
        )}
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        {moves.up ? button('up', `Move “${name}” up`) : null}
        {moves.down ? button('down', `Move “${name}” down`) : null}
        {moves.nest ? button('nest', `Put “${name}” under the link above`) : null}
        {moves.unnest ? button('unnest', `Take “${name}” out to the top level`) : null}
        {button('remove', `Remove “${name}”`, 'danger')}
      </div>
    </fieldset>
  );
}
