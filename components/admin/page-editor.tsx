'use client';

import { useState, type ComponentProps } from 'react';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { pagePath } from '@/lib/articles/urls';
import { SEO_DESCRIPTION_HINT, SEO_TITLE_HINT } from '@/lib/validation/articles';
import { ArticleEditor } from './article-editor';
import { SeoPreviews } from './details/seo-previews';

export type PageSeoInitial = { slug: string; seoTitle: string; seoDescription: string };

/** A page's own fields: its address and how search engines show it, with a live search-result preview. */
function PageFields({ initial, error, siteUrl, siteName }: { initial: PageSeoInitial; error: (k: string) => string | undefined; siteUrl: string; siteName: string }) {
  const [values, setValues] = useState(initial);
  const set = (k: keyof PageSeoInitial) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));
  return (
    <section aria-label="Address and SEO" className="space-y-4 rounded-lg border border-subtle bg-surface p-4 shadow-xs">
      <Field id="page-slug" label="Slug" hint={values.slug ? `The page is at ${pagePath(values.slug)}.` : 'Leave empty to make it from the title.'} error={error('slug')}>
        {(p) => <Input {...p} name="slug" value={values.slug} onChange={set('slug')} maxLength={80} pattern="[a-z0-9]+(-[a-z0-9]+)*" />}
      </Field>
      <Field id="page-seo-title" label="SEO title" hint={`${values.seoTitle.length} / ~${SEO_TITLE_HINT} characters; empty uses the title.`} error={error('seoTitle')}>
        {(p) => <Input {...p} name="seoTitle" value={values.seoTitle} onChange={set('seoTitle')} maxLength={200} />}
      </Field>
      <Field
        id="page-seo-description"
        label="SEO description"
        hint={`${values.seoDescription.length} / ~${SEO_DESCRIPTION_HINT} characters; empty uses the standfirst.`}
        error={error('seoDescription')}
      >
        {(p) => <Textarea {...p} name="seoDescription" rows={3} value={values.seoDescription} onChange={set('seoDescription')} maxLength={400} />}
      </Field>
      <SeoPreviews url={`${siteUrl}${pagePath(values.slug || 'your-page')}`} title={values.seoTitle || 'Page title'} description={values.seoDescription} siteName={siteName} />
    </section>
  );
}

/** The article editor (autosave, revisions, conflicts, scheduling) for a static page, with the page's slug and SEO fields. */
export function PageEditor({
  seo,
  siteUrl,
  siteName,
  ...props
}: Omit<ComponentProps<typeof ArticleEditor>, 'kind' | 'aside' | 'sections' | 'canPublish'> & { seo: PageSeoInitial; siteUrl: string; siteName: string }) {
  return <ArticleEditor {...props} kind="page" canPublish aside={(error) => <PageFields initial={seo} error={error} siteUrl={siteUrl} siteName={siteName} />} />;
}
