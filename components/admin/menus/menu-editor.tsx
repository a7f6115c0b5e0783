'use client';

import { startTransition, useActionState, useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { SavedMenuState } from '@/lib/action-states';
import { allowedMoves, locate, moveLink, nestLink, unnestLink, type EditableItem, type EditableLink } from '@/lib/menus/tree';
import { MenuLinkRow, type LinkMove, type MenuChoices } from './menu-link-row';

let counter = 0;
const newKey = () => `new-${Date.now().toString(36)}-${counter++}`;

/** Drops the browser-only keys before sending: the server gets labels, kinds and targets in order. */
const toPayload = (items: EditableItem[]) => {
  const link = ({ label, kind, targetId, url }: EditableLink) => ({ label, kind, targetId, url });
  return JSON.stringify(items.map((i) => ({ ...link(i), children: i.children.map(link) })));
};

/**
 * One menu (header or footer): its links in order with one level of sub-links, reordered with
 * buttons (keyboard-ready: focus stays on the moved link's button), saved whole with the version
 * it was loaded at, so a save over someone else's newer one is refused.
 */
export function MenuEditor({
  location,
  title,
  initial,
  choices,
  action,
}: {
  location: 'header' | 'footer';
  title: string;
  initial: { version: number; items: EditableItem[] };
  choices: MenuChoices;
  action: (prev: SavedMenuState, form: FormData) => Promise<SavedMenuState>;
}) {
  const [items, setItems] = useState(initial.items);
  const [version, setVersion] = useState(initial.version);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const focus = useRef<{ key: string; move: LinkMove } | null>(null);
  const [state, formAction, pending] = useActionState(async (prev: SavedMenuState, form: FormData) => {
    const result = await action(prev, form);
    if (result.ok && result.data) setVersion(result.data.version);
    return result;
  }, {} as SavedMenuState);

  // After a move, focus goes back to the button just used (or its opposite when that one is gone).
  useEffect(() => {
    const wanted = focus.current;
    if (!wanted) return;
    focus.current = null;
    const opposite: Partial<Record<LinkMove, LinkMove>> = { up: 'down', down: 'up', nest: 'unnest', unnest: 'nest' };
    const target = buttons.current.get(`${wanted.key}:${wanted.move}`) ?? buttons.current.get(`${wanted.key}:${opposite[wanted.move]}`) ?? buttons.current.get(`${wanted.key}:remove`);
    target?.focus();
  }, [items]);

  const focusRef = (key: string) => (move: LinkMove) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(`${key}:${move}`, el);
    else buttons.current.delete(`${key}:${move}`);
  };

  function change(key: string, patch: Partial<EditableLink>) {
    setItems((list) => {
      const at = locate(list, key);
      if (!at) return list;
      return list.map((item, i) => (i !== at.top ? item : at.child === null ? { ...item, ...patch } : { ...item, children: item.children.map((c, j) => (j === at.child ? { ...c, ...patch } : c)) }));
    });
  }

  function move(key: string, m: LinkMove) {
    if (m === 'remove') {
      setItems((list) => list.filter((i) => i.key !== key).map((i) => ({ ...i, children: i.children.filter((c) => c.key !== key) })));
      return;
    }
    setItems((list) => (m === 'up' ? moveLink(list, key, -1) : m === 'down' ? moveLink(list, key, 1) : m === 'nest' ? nestLink(list, key) : unnestLink(list, key)));
    focus.current = { key, move: m };
  }

  function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData();
    form.set('location', location);
    form.set('version', String(version));
    form.set('items', toPayload(items));
    startTransition(() => formAction(form));
  }

  const row = (link: EditableLink, path: string) => (
    <MenuLinkRow
      link={link}
      path={path}
      moves={allowedMoves(items, link.key)}
      choices={choices}
      onChange={(p) => change(link.key, p)}
      onMove={(m) => move(link.key, m)}
      focusRef={focusRef(link.key)}
    />
  );

  return (
    <form onSubmit={save} aria-label={title} className="space-y-4">
      {items.length ? (
        <ol className="space-y-3">
          {items.map((item, i) => (
            <li key={item.key}>
              {row(item, String(i + 1))}
              {item.children.length ? (
                <ol className="mt-3 ml-8 space-y-3">
                  {item.children.map((c, j) => (
                    <li key={c.key}>{row(c, `${i + 1}.${j + 1}`)}</li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-muted">No links yet.</p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => setItems((list) => [...list, { key: newKey(), label: '', kind: 'section', targetId: '', url: '', children: [] }])}>Add a link</Button>
        <Button type="submit" variant="primary" disabled={pending}>
          Save {location} menu
        </Button>
        <span className="text-sm text-muted">Version {version || 'not saved yet'}</span>
      </div>
      <div aria-live="polite">{state.message ? <Alert tone={state.ok ? 'success' : 'danger'}>{state.message}</Alert> : null}</div>
    </form>
  );
}
