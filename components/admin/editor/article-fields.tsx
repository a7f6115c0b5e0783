'use client';

import { HeroImagePicker } from '@/components/media/hero-image-picker';
import { Field, FieldError, FieldHint, Label } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import { countWords, readingMinutes } from '@/lib/articles/body-schema';
import type { Editor } from '@tiptap/react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { RichTextEditor } from '../rich-text-editor';
import type { ArticleDraft } from './use-article-draft';

type Err = (field: string) => string | undefined;

/** Title, standfirst and body: the main column of the editor. */
export function ArticleTextFields({
  draft,
  error,
  mediaMaxMegabytes,
  shared,
  waiting,
  onEditor,
}: {
  draft: ArticleDraft;
  error: Err;
  mediaMaxMegabytes?: number;
  /** Co-editing: the body is the shared document's. */
  shared?: { doc: Y.Doc; awareness: Awareness | null; readOnly: boolean };
  /** Until the shared document has arrived, nothing can be typed (it would be overwritten). */
  waiting?: boolean;
  onEditor?: (editor: Editor | null) => void;
}) {
  const words = countWords(draft.body);
  const bodyError = error('body') ?? error('bodyJson');
  return (
    <>
      <Field id="article-title" label="Title" error={error('title')}>
        {(p) => (
          <Input {...p} name="title" value={draft.fields.title} onChange={draft.setField('title')} readOnly={waiting || shared?.readOnly} required maxLength={200} className="text-lg font-semibold" />
        )}
      </Field>
      <Field id="article-standfirst" label="Standfirst" hint="One or two sentences under the headline." error={error('standfirst')}>
        {(p) => <Textarea {...p} name="standfirst" rows={2} value={draft.fields.standfirst} onChange={draft.setField('standfirst')} readOnly={waiting || shared?.readOnly} maxLength={400} />}
      </Field>
      <div>
        <Label id="article-body-label">Body</Label>
        {waiting ? (
          <p className="mt-1 min-h-72 rounded-md border border-strong bg-surface px-3 py-2 text-muted">Opening the shared story…</p>
        ) : (
          <RichTextEditor
            key={shared ? 'shared' : draft.bodyKey}
            shared={shared}
            readOnly={shared?.readOnly}
            onEditor={onEditor}
            initial={draft.body}
            onChange={draft.setBody}
            labelledBy="article-body-label"
            describedBy={bodyError ? 'article-body-error article-body-hint' : 'article-body-hint'}
            invalid={!!bodyError}
            mediaMaxMegabytes={mediaMaxMegabytes}
          />
        )}
        <FieldHint id="article-body-hint">
          {words} {words === 1 ? 'word' : 'words'} · {readingMinutes(words)} min read. Shortcuts: Ctrl+B bold, Ctrl+I italic, Ctrl+Alt+2–4 headings, Ctrl+Shift+8 bulleted list, Ctrl+Shift+B quote.
        </FieldHint>
        <FieldError id="article-body-error">{bodyError}</FieldError>
      </div>
    </>
  );
}

/** Section, tags and hero image: the editor's side column. */
export function ArticleMetaFields({ draft, error, sections, mediaMaxMegabytes }: { draft: ArticleDraft; error: Err; sections: { id: string; name: string }[]; mediaMaxMegabytes?: number }) {
  return (
    <>
      <Field id="article-section" label="Section" error={error('sectionId')}>
        {(p) => (
          <Select
            {...p}
            name="sectionId"
            value={draft.fields.sectionId}
            onChange={draft.setField('sectionId')}
            options={[{ value: '', label: 'No section' }, ...sections.map((s) => ({ value: s.id, label: s.name }))]}
          />
        )}
      </Field>
      <Field id="article-tags" label="Tags" hint="Separate tags with commas." error={error('tags')}>
        {(p) => <Input {...p} name="tags" value={draft.fields.tags} onChange={draft.setField('tags')} />}
      </Field>
      <div>
        <HeroImagePicker value={draft.hero} onChange={draft.setHero} maxMegabytes={mediaMaxMegabytes} />
        <FieldError id="article-heroImageId-error">{error('heroImageId')}</FieldError>
      </div>
    </>
  );
}
