'use client';

import { cn } from '@/components/ui/cn';
import { Field } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import { SEO_DESCRIPTION_HINT, SEO_TITLE_HINT } from '@/lib/validation/articles';
import type { MediaOption, SeoValues } from './types';

/** "12 / ~60 characters", in the warning colour past the hint: search engines cut longer text. */
function lengthHint(length: number, hint: number, what: 'title' | 'description') {
  const over = length > hint;
  return {
    hint: `${length} / ~${hint} characters${over ? ` — the ${what} may be cut off in search results` : ''}. Used as the page’s meta ${what}; empty uses the article’s ${what === 'title' ? 'headline' : 'standfirst'}.`,
    hintClassName: cn(over && 'font-semibold text-warning'),
  };
}

/** SEO headline and summary (with their length hints), canonical URL and social image. */
export function SeoFields({
  values,
  onChange,
  placeholders,
  media,
  error,
}: {
  values: SeoValues;
  onChange: (k: keyof SeoValues) => (e: { target: { value: string } }) => void;
  placeholders: { title: string; standfirst: string; url: string };
  media: MediaOption[];
  error: (k: string) => string | undefined;
}) {
  return (
    <>
      <Field id="details-seo-title" label="SEO headline" {...lengthHint(values.seoTitle.length, SEO_TITLE_HINT, 'title')} error={error('seoTitle')}>
        {(p) => <Input {...p} name="seoTitle" value={values.seoTitle} onChange={onChange('seoTitle')} maxLength={120} placeholder={placeholders.title} />}
      </Field>
      <Field id="details-seo-description" label="SEO summary" {...lengthHint(values.seoDescription.length, SEO_DESCRIPTION_HINT, 'description')} error={error('seoDescription')}>
        {(p) => <Textarea {...p} name="seoDescription" rows={3} value={values.seoDescription} onChange={onChange('seoDescription')} maxLength={320} placeholder={placeholders.standfirst} />}
      </Field>
      <Field id="details-canonical" label="Canonical URL" hint="Only for a story first published elsewhere; leave empty to use this article’s own address." error={error('canonicalUrl')}>
        {(p) => <Input {...p} name="canonicalUrl" type="url" value={values.canonicalUrl} onChange={onChange('canonicalUrl')} placeholder={placeholders.url} />}
      </Field>
      <Field id="details-social-image" label="Social image" hint={media.length === 0 ? 'No images uploaded yet.' : undefined} error={error('socialImageId')}>
        {(p) => (
          <Select
            {...p}
            name="socialImageId"
            value={values.socialImageId}
            onChange={onChange('socialImageId')}
            options={[{ value: '', label: 'None' }, ...media.map((m) => ({ value: m.id, label: m.label }))]}
          />
        )}
      </Field>
    </>
  );
}
