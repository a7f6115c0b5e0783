'use client';

import { HeroImagePicker } from '@/components/media/hero-image-picker';
import { Field, FieldError, FieldHint, Label } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import { countWords, readingMinutes } from '@/lib/articles/body-schema';
import { RichTextEditor } from '../rich-text-editor';
import type { ArticleDraft } from './use-article-draft';

type Err = (field: string) => string | undefined;

/** Title, standfirst and body: the main column of the editor. */
export function ArticleTextFields({ draft, error, mediaMaxMegabytes }: { draft: ArticleDraft; error: Err; mediaMaxMegabytes?: number }) {
  const words = countWords(draft.body);
  const bodyError = error('body') ?? error('bodyJson');
  return (
    <>
      <Field id="article-title" label="Title" error={error('title')}>
        {(p) => <Input {...p} name="title" value={draft.fields.title} onChange={draft.setField('title')} required maxLength={200} className="text-lg font-semibold" />}
      </Field>
      <Field id="article-standfirst" label="Standfirst" hint="One or two sentences under the headline." error={error('standfirst')}>
        {(p) => <Textarea {...p} name="standfirst" rows={2} value={draft.fields.standfirst} onChange={draft.setField('standfirst')} maxLength={400} />}
      </Field>
      <div>
        <Label id="article-body-label">Body</Label>
        <RichTextEditor
          key={draft.bodyKey}
          initial={draft.body}
          onChange={draft.setBody}
          labelledBy="article-body-label"
          describedBy={bodyError ? 'article-body-error article-body-hint' : 'article-body-hint'}
          invalid={!!bodyError}
          mediaMaxMegabytes={mediaMaxMegabytes}
        />
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
