'use client';

import { Extension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { bodyExtensions } from '@/lib/articles/body-extensions';
import { COLLAB_FIELDS } from '@/lib/collab/fields';

type CaretUser = { name?: string; colour?: string };

/** Another person's caret: a thin bar in their colour with their name above it (decoration only, never part of the text). */
function caret(user: CaretUser): HTMLElement {
  const bar = document.createElement('span');
  bar.className = 'collab-caret';
  bar.style.borderColor = user.colour ?? '#555';
  const label = document.createElement('span');
  label.className = 'collab-caret-label';
  label.style.backgroundColor = user.colour ?? '#555';
  label.textContent = user.name ?? 'Someone';
  bar.append(label);
  return bar;
}

/** Carets and selections of everyone else in the story, from the shared document's awareness. */
const CollabCarets = Extension.create<{ awareness: Awareness | null }>({
  name: 'collabCarets',
  addOptions: () => ({ awareness: null }),
  addProseMirrorPlugins() {
    const { awareness } = this.options;
    if (!awareness) return [];
    return [
      yCursorPlugin(awareness, {
        cursorBuilder: (user: CaretUser) => caret(user),
        selectionBuilder: (user: CaretUser) => ({ style: `background-color: ${user.colour ?? '#555'}33`, class: 'collab-selection' }),
      }),
    ];
  },
});

/** The body editor's extensions on a shared document: its text is the document's `body`, with everyone's carets. */
export function collabBodyExtensions(doc: Y.Doc, awareness: Awareness | null) {
  return [...bodyExtensions({ undoRedo: false }), Collaboration.configure({ document: doc, field: COLLAB_FIELDS.body }), CollabCarets.configure({ awareness })];
}
