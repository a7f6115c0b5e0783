'use client';

import type { Editor } from '@tiptap/react';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import { useCallback, useEffect, useId, useState } from 'react';
import * as Y from 'yjs';
import type { ActionState } from '@/lib/action-states';
import { COLLAB_NOTES_SIGNAL } from '@/lib/collab/fields';
import type { ArticleNoteView } from '@/lib/notes/types';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/input';

export type NoteActions = {
  list: (articleId: string) => Promise<ActionState<ArticleNoteView[]>>;
  add: (prev: ActionState, form: FormData) => Promise<ActionState>;
  reply: (prev: ActionState, form: FormData) => Promise<ActionState>;
  resolve: (prev: ActionState, form: FormData) => Promise<ActionState>;
};

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

type YSync = { type: Y.XmlFragment; doc: Y.Doc; binding: { mapping: Map<Y.AbstractType<unknown>, unknown> } };
const ySync = (editor: Editor) => ySyncPluginKey.getState(editor.state) as YSync | undefined;

/** The body's selection as Yjs relative positions (they follow the text through everyone's edits). */
function anchorOf(editor: Editor) {
  const sync = ySync(editor);
  const { from, to, empty } = editor.state.selection;
  if (!sync || empty) return null;
  const rel = (pos: number) => toBase64(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, sync.type, sync.binding.mapping as never)));
  return { anchorFrom: rel(from), anchorTo: rel(to), quote: editor.state.doc.textBetween(from, to, ' ').slice(0, 1000) };
}

/** Where a note's passage is now, or null when it was deleted. */
function rangeOf(editor: Editor, note: ArticleNoteView) {
  const sync = ySync(editor);
  if (!sync) return null;
  const abs = (s: string) => relativePositionToAbsolutePosition(sync.doc, sync.type, Y.decodeRelativePosition(fromBase64(s)), sync.binding.mapping as never);
  const from = abs(note.anchorFrom);
  const to = abs(note.anchorTo);
  return from !== null && to !== null && to > from ? { from, to } : null;
}

/** Inline notes: start a discussion on selected body text, reply, resolve and reopen. Never shown to readers. */
export function NotesPanel({ articleId, editor, doc, actions }: { articleId: string; editor: Editor | null; doc: Y.Doc; actions: NoteActions }) {
  const [notes, setNotes] = useState<ArticleNoteView[]>([]);
  const [message, setMessage] = useState<ActionState | null>(null);
  const [hasSelection, setHasSelection] = useState(false);
  const [draft, setDraft] = useState<ReturnType<typeof anchorOf>>(null);
  const noteId = useId();

  const load = useCallback(async () => {
    const res = await actions.list(articleId);
    if (res.ok && res.data) setNotes(res.data);
  }, [actions, articleId]);

  useEffect(() => {
    const signal = doc.getMap(COLLAB_NOTES_SIGNAL);
    const reload = () => void load();
    const first = setTimeout(reload, 0);
    signal.observe(reload);
    return () => {
      clearTimeout(first);
      signal.unobserve(reload);
    };
  }, [doc, load]);

  useEffect(() => {
    if (!editor) return;
    const update = () => setHasSelection(!editor.state.selection.empty);
    editor.on('selectionUpdate', update);
    return () => void editor.off('selectionUpdate', update);
  }, [editor]);

  async function run(action: (prev: ActionState, form: FormData) => Promise<ActionState>, form: FormData) {
    const res = await action({ ok: true }, form);
    setMessage(res);
    if (!res.ok) return false;
    // Everyone in the story reloads the notes at once.
    doc.getMap(COLLAB_NOTES_SIGNAL).set('changed', Date.now());
    await load();
    return true;
  }

  function show(note: ArticleNoteView) {
    const range = editor && rangeOf(editor, note);
    if (editor && range) editor.chain().focus().setTextSelection(range).scrollIntoView().run();
  }

  return (
    <section aria-labelledby={`${noteId}-h`} className="mt-8 space-y-4 rounded-lg border border-subtle bg-surface p-4 shadow-xs">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${noteId}-h`} className="text-lg font-semibold">
          Notes
        </h2>
        <Button size="sm" disabled={!editor || !hasSelection} onClick={() => editor && setDraft(anchorOf(editor))}>
          Add note
        </Button>
      </div>
      <p className="text-sm text-muted">Select text in the body, then Add note. Mention a colleague with @ and their name. Notes are never shown to readers.</p>
      {message?.message ? (
        <p role="status" className={message.ok ? 'text-sm' : 'text-sm text-danger'}>
          {message.message}
        </p>
      ) : null}
      {draft ? (
        <form
          aria-label="New note"
          className="space-y-2"
          onSubmit={async (e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            if (await run(actions.add, form)) setDraft(null);
          }}
        >
          <input type="hidden" name="articleId" value={articleId} />
          <input type="hidden" name="anchorFrom" value={draft.anchorFrom} />
          <input type="hidden" name="anchorTo" value={draft.anchorTo} />
          <input type="hidden" name="quote" value={draft.quote} />
          <blockquote className="border-l-4 border-subtle pl-2 text-sm italic">{draft.quote}</blockquote>
          <label htmlFor={`${noteId}-new`} className="block text-sm font-medium">
            Note
          </label>
          <Textarea id={`${noteId}-new`} name="body" rows={3} required maxLength={4000} autoFocus />
          <div className="flex gap-2">
            <Button type="submit" variant="primary" size="sm">
              Post note
            </Button>
            <Button size="sm" onClick={() => setDraft(null)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      <ul className="space-y-3">
        {notes.map((note) => (
          <NoteThread key={note.id} note={note} onShow={() => show(note)} run={run} actions={actions} />
        ))}
      </ul>
    </section>
  );
}

function NoteThread({ note, onShow, run, actions }: { note: ArticleNoteView; onShow: () => void; run: (a: NoteActions['reply'], f: FormData) => Promise<boolean>; actions: NoteActions }) {
  const id = useId();
  return (
    <li id={`note-${note.id}`} aria-label={`Note on “${note.quote}”`} className="space-y-2 rounded-md border border-subtle p-3">
      <div className="flex items-start justify-between gap-2">
        <button type="button" className="text-left text-sm italic underline-offset-2 hover:underline" onClick={onShow}>
          “{note.quote}”
        </button>
        <span className="shrink-0 text-xs text-muted">{note.resolved ? 'Resolved' : 'Open'}</span>
      </div>
      <ol className="space-y-1 text-sm">
        {note.messages.map((m) => (
          <li key={m.id}>
            <strong>{m.author}:</strong> {m.body}
          </li>
        ))}
      </ol>
      <form
        className="space-y-2"
        onSubmit={async (e) => {
          e.preventDefault();
          const form = e.currentTarget;
          if (await run(actions.reply, new FormData(form))) form.reset();
        }}
      >
        <input type="hidden" name="noteId" value={note.id} />
        <label htmlFor={`${id}-reply`} className="sr-only">
          Reply to the note on “{note.quote}”
        </label>
        <Textarea id={`${id}-reply`} name="body" rows={2} required maxLength={4000} placeholder="Reply…" />
        <div className="flex gap-2">
          <Button type="submit" size="sm">
            Reply
          </Button>
          <Button
            size="sm"
            onClick={() => {
              const form = new FormData();
              form.set('noteId', note.id);
              form.set('resolved', note.resolved ? '0' : '1');
              void run(actions.resolve, form);
            }}
          >
            {note.resolved ? 'Reopen' : 'Resolve'}
          </Button>
        </div>
      </form>
    </li>
  );
}
