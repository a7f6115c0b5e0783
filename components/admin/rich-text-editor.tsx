'use client';

import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect, useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { parseEmbedUrl, SAFE_HREF, type BodyDoc } from '@/lib/articles/body-schema';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { BODY_EXTENSIONS } from '@/lib/articles/body-extensions';
import { collabBodyExtensions } from './editor/collab-extensions';
import { MediaPicker } from '@/components/media/media-picker';
import { Button } from '@/components/ui/button';
import { controlClass } from '@/components/ui/input';

function ToolbarButton({ label, active, onClick, children }: { label: string; active?: boolean; onClick: () => void; children: ReactNode }) {
  // The name is the full label (read by screen readers, matched by voice control); the short mark is decoration.
  return (
    <button
      type="button"
      title={label}
      aria-pressed={active === undefined ? undefined : active}
      onClick={onClick}
      className={`min-w-9 rounded px-2 py-1 text-sm font-semibold ${active ? 'bg-primary text-on-primary' : 'hover:bg-surface'}`}
    >
      <span aria-hidden>{children}</span>
      <span className="sr-only">{label}</span>
    </button>
  );
}

type Panel = null | 'link' | 'embed';

function Toolbar({ editor, mediaMaxMegabytes }: { editor: Editor; mediaMaxMegabytes?: number }) {
  const [panel, setPanel] = useState<Panel>(null);
  const [picking, setPicking] = useState(false);
  const [url, setUrl] = useState('');
  const [error, setError] = useState('');
  const inputId = useId();
  const errorId = useId();
  const chain = () => editor.chain().focus();

  function open(next: Panel) {
    setError('');
    setUrl(next === 'link' ? ((editor.getAttributes('link').href as string | undefined) ?? '') : '');
    setPanel(panel === next ? null : next);
  }

  function apply() {
    const value = url.trim();
    if (panel === 'link') {
      if (!SAFE_HREF.test(value)) return setError('Links must start with http://, https://, mailto:, / or #.');
      if (editor.state.selection.empty && !editor.isActive('link')) {
        chain()
          .insertContent({ type: 'text', text: value, marks: [{ type: 'link', attrs: { href: value } }] })
          .run();
      } else {
        chain().extendMarkRange('link').setLink({ href: value }).run();
      }
    } else if (panel === 'embed') {
      const parsed = parseEmbedUrl(value);
      if (!parsed) return setError('Paste a YouTube, Vimeo or X link, or any http(s) address for a link card.');
      chain()
        .insertContent({ type: 'embed', attrs: { provider: parsed.provider, url: parsed.url } })
        .run();
    }
    setPanel(null);
  }

  // Enter in the little URL field applies it instead of submitting the article form.
  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter') {
      e.preventDefault();
      apply();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setPanel(null);
      editor.commands.focus();
    }
  }

  const divider = <span aria-hidden className="mx-1 h-6 w-px bg-subtle" />;
  return (
    <div className="rounded-t-md border-b border-subtle bg-surface-muted px-2 py-1">
      <div role="toolbar" aria-label="Formatting" className="flex flex-wrap items-center gap-1">
        <ToolbarButton label="Bold" active={editor.isActive('bold')} onClick={() => chain().toggleBold().run()}>
          B
        </ToolbarButton>
        <ToolbarButton label="Italic" active={editor.isActive('italic')} onClick={() => chain().toggleItalic().run()}>
          <em>I</em>
        </ToolbarButton>
        <ToolbarButton label="Link" active={editor.isActive('link') || panel === 'link'} onClick={() => open('link')}>
          Link
        </ToolbarButton>
        {divider}
        {([2, 3, 4] as const).map((level) => (
          <ToolbarButton key={level} label={`Heading ${level}`} active={editor.isActive('heading', { level })} onClick={() => chain().toggleHeading({ level }).run()}>
            H{level}
          </ToolbarButton>
        ))}
        {divider}
        <ToolbarButton label="Bulleted list" active={editor.isActive('bulletList')} onClick={() => chain().toggleBulletList().run()}>
          • List
        </ToolbarButton>
        <ToolbarButton label="Numbered list" active={editor.isActive('orderedList')} onClick={() => chain().toggleOrderedList().run()}>
          1. List
        </ToolbarButton>
        <ToolbarButton label="Quote" active={editor.isActive('blockquote')} onClick={() => chain().toggleBlockquote().run()}>
          “ ”
        </ToolbarButton>
        <ToolbarButton label="Pull quote" active={editor.isActive('pullQuote')} onClick={() => chain().toggleWrap('pullQuote').run()}>
          Pull
        </ToolbarButton>
        <ToolbarButton label="Horizontal rule" onClick={() => chain().setHorizontalRule().run()}>
          ―
        </ToolbarButton>
        <ToolbarButton label="Embed" active={panel === 'embed'} onClick={() => open('embed')}>
          Embed
        </ToolbarButton>
        <ToolbarButton label="Image" active={picking} onClick={() => setPicking(true)}>
          Image
        </ToolbarButton>
      </div>
      <MediaPicker
        open={picking}
        mode="insert"
        maxMegabytes={mediaMaxMegabytes}
        onClose={() => setPicking(false)}
        onChoose={({ item, alt, caption, credit }) => {
          setPicking(false);
          chain()
            .insertContent({ type: 'image', attrs: { mediaId: item.id, alt, caption, credit } })
            .run();
        }}
      />
      {panel ? (
        <div className="flex flex-wrap items-center gap-2 py-2">
          <label htmlFor={inputId} className="text-sm font-semibold">
            {panel === 'link' ? 'Link address' : 'Embed URL'}
          </label>
          <input
            id={inputId}
            type="url"
            autoFocus
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            onKeyDown={onKeyDown}
            aria-invalid={!!error}
            aria-describedby={error ? errorId : undefined}
            placeholder={panel === 'link' ? 'https://' : 'https://www.youtube.com/watch?v=…'}
            className={controlClass({ compact: true, fit: true, className: 'min-w-64 flex-1' })}
          />
          <Button variant="primary" size="sm" onClick={apply}>
            {panel === 'link' ? 'Apply link' : 'Insert embed'}
          </Button>
          {panel === 'link' && editor.isActive('link') ? (
            <Button size="sm" onClick={() => (chain().extendMarkRange('link').unsetLink().run(), setPanel(null))}>
              Remove link
            </Button>
          ) : null}
          <Button variant="ghost" size="sm" onClick={() => setPanel(null)}>
            Cancel
          </Button>
          {error ? (
            <p id={errorId} className="w-full text-sm font-medium text-danger">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

const EMPTY: BodyDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

/**
 * The Body field: TipTap (ProseMirror) with the nodes the server's schema accepts and nothing
 * else, so whatever can be typed or pasted here can also be saved and rendered.
 */
export function RichTextEditor({
  initial,
  onChange,
  labelledBy,
  describedBy,
  invalid,
  mediaMaxMegabytes,
  shared,
  readOnly,
  onEditor,
}: {
  initial: BodyDoc;
  onChange: (doc: BodyDoc) => void;
  labelledBy: string;
  describedBy?: string;
  invalid?: boolean;
  /** The upload limit, for the image picker's early size check. */
  mediaMaxMegabytes?: number;
  /** Co-editing: the text is the shared document's (`initial` is ignored), with everyone's carets. */
  shared?: { doc: Y.Doc; awareness: Awareness | null };
  readOnly?: boolean;
  /** Hands the editor out (the Notes panel reads its selection). */
  onEditor?: (editor: Editor | null) => void;
}) {
  // Options must stay identical between renders: TipTap re-applies changed options on every render.
  const [content] = useState(() => (shared ? undefined : initial.content.length ? initial : EMPTY));
  const [extensions] = useState(() => (shared ? collabBodyExtensions(shared.doc, shared.awareness) : BODY_EXTENSIONS));
  const editorProps = useMemo(
    () => ({
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelledBy,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(invalid ? { 'aria-invalid': 'true' } : {}),
        class: 'rich-text min-h-72 px-3 py-2 font-serif focus:outline-none',
      },
    }),
    [labelledBy, describedBy, invalid],
  );
  const editor = useEditor({
    immediatelyRender: false,
    shouldRerenderOnTransaction: true,
    extensions,
    content,
    editable: !readOnly,
    editorProps,
    onUpdate: ({ editor }) => onChange(editor.getJSON() as BodyDoc),
  });

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);
  useEffect(() => {
    if (editor && editor.isEditable === !!readOnly) editor.setEditable(!readOnly);
  }, [editor, readOnly]);

  return (
    <div className="mt-1 rounded-md border border-strong bg-surface text-fg focus-within:ring-2 focus-within:ring-accent">
      {editor ? <Toolbar editor={editor} mediaMaxMegabytes={mediaMaxMegabytes} /> : <div className="h-10 rounded-t-md border-b border-subtle bg-surface-muted" />}
      <EditorContent editor={editor} />
    </div>
  );
}
