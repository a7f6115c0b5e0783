import 'server-only';
import type { z } from 'zod';
import type * as api from '@/lib/api/schemas';
import { builder } from '@/lib/graphql/builder';
import type { MediaItem } from '@/lib/media';

// The GraphQL object types, typed by the content API's zod response schemas (lib/api/schemas.ts):
// both APIs describe the same objects, built by the same functions.

type Summary = z.input<typeof api.articleSummarySchema>;
type Full = z.input<typeof api.articleSchema>;
/** An article from a list (summary fields, section, tags, bylines) or a single read (everything). */
export type ArticleShape = Required<Pick<Summary, 'id' | 'slug' | 'title' | 'standfirst' | 'url' | 'publishedAt' | 'updatedAt'>> &
  Pick<Full, 'section' | 'tags' | 'authors' | 'wordCount' | 'commentsOpen' | 'body' | 'corrections'>;

const nameSlug = (name: string, description: string) =>
  builder.objectRef<{ name: string; slug: string }>(name).implement({ description, fields: (t) => ({ name: t.exposeString('name'), slug: t.exposeString('slug') }) });

export const SectionRef = nameSlug('SectionRef', "An article's section.");
export const TagRef = nameSlug('TagRef', 'A tag of an article.');
export const AuthorRef = nameSlug('AuthorRef', 'A byline.');

export const Section = builder.objectRef<z.input<typeof api.sectionSchema>>('Section').implement({
  fields: (t) => ({ name: t.exposeString('name'), slug: t.exposeString('slug'), description: t.exposeString('description', { nullable: true }) }),
});
export const Tag = builder.objectRef<z.input<typeof api.tagSchema>>('Tag').implement({
  fields: (t) => ({ name: t.exposeString('name'), slug: t.exposeString('slug'), description: t.exposeString('description', { nullable: true }) }),
});
export const Author = builder.objectRef<z.input<typeof api.authorSchema>>('Author').implement({
  description: 'A person with a byline on a published article.',
  fields: (t) => ({ name: t.exposeString('name'), slug: t.exposeString('slug'), bio: t.exposeString('bio', { nullable: true }) }),
});

const CorrectionKind = builder.enumType('CorrectionKind', { values: ['CORRECTION', 'CLARIFICATION', 'UPDATE'] as const });
export const Correction = builder.objectRef<z.input<typeof api.correctionSchema>>('Correction').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: CorrectionKind, resolve: (c) => c.kind }),
    note: t.exposeString('note', { description: 'Plain text; escape it before rendering.' }),
    createdAt: t.exposeString('createdAt'),
    withdrawnAt: t.exposeString('withdrawnAt', { nullable: true, description: 'When the note was withdrawn; it stays on the record.' }),
  }),
});

export const Body = builder.objectRef<{ html: string; json: unknown }>('Body').implement({
  fields: (t) => ({
    html: t.exposeString('html', { description: 'Sanitised HTML rendered on the server.' }),
    json: t.string({ description: 'The structured document (ProseMirror-compatible), JSON-encoded.', resolve: (b) => JSON.stringify(b.json) }),
  }),
});

const Rendition = builder.objectRef<MediaItem['renditions'][number]>('Rendition').implement({
  fields: (t) => ({ url: t.exposeString('url'), width: t.exposeInt('width'), height: t.exposeInt('height'), format: t.exposeString('format') }),
});
export const Image = builder.objectRef<MediaItem>('Image').implement({
  fields: (t) => ({
    alt: t.exposeString('alt'),
    caption: t.exposeString('caption'),
    credit: t.exposeString('credit'),
    width: t.exposeInt('width'),
    height: t.exposeInt('height'),
    url: t.exposeString('originalUrl', { description: 'The original file.' }),
    renditions: t.field({ type: [Rendition], description: 'Resized WebP and AVIF files, narrowest first.', resolve: (m) => m.renditions }),
  }),
});

type Live = z.input<typeof api.liveUpdatesResponseSchema>['data'];
const LiveUpdate = builder.objectRef<Live['updates'][number]>('LiveUpdate').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    headline: t.exposeString('headline', { nullable: true }),
    html: t.exposeString('html', { description: 'Sanitised HTML rendered on the server.' }),
    keyEvent: t.exposeBoolean('keyEvent'),
    pinned: t.exposeBoolean('pinned'),
    createdAt: t.exposeString('createdAt'),
    updatedAt: t.exposeString('updatedAt'),
    author: t.exposeString('author', { nullable: true }),
  }),
});
export const LiveCoverage = builder.objectRef<Live>('LiveCoverage').implement({
  fields: (t) => ({
    startedAt: t.string({ nullable: true, resolve: (l) => l.coverage.startedAt }),
    endedAt: t.string({ nullable: true, resolve: (l) => l.coverage.endedAt }),
    open: t.boolean({ resolve: (l) => l.coverage.open }),
    updates: t.field({ type: [LiveUpdate], description: 'Pinned updates first, then newest first.', resolve: (l) => l.updates }),
  }),
});

type PageSummary = z.input<typeof api.pageSummarySchema>;
const PageFields = builder.interfaceRef<PageSummary>('PageFields').implement({
  description: 'What every published static page shows.',
  fields: (t) => ({
    id: t.exposeID('id'),
    slug: t.exposeString('slug'),
    title: t.exposeString('title'),
    standfirst: t.exposeString('standfirst'),
    url: t.exposeString('url', { description: 'Path of the page on the public site.' }),
    publishedAt: t.exposeString('publishedAt'),
    updatedAt: t.exposeString('updatedAt'),
  }),
});
export const PageSummaryType = builder.objectRef<PageSummary>('PageSummary').implement({ description: 'A published static page in a list.', interfaces: [PageFields] });
export const Page = builder.objectRef<z.input<typeof api.staticPageSchema>>('Page').implement({
  description: 'A published static page (About, Terms).',
  interfaces: [PageFields],
  fields: (t) => ({
    seoTitle: t.exposeString('seoTitle', { nullable: true }),
    seoDescription: t.exposeString('seoDescription', { nullable: true }),
    body: t.field({ type: Body, resolve: (p) => p.body }),
  }),
});
