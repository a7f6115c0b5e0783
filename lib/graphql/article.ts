import 'server-only';
import { builder, connectionOf } from '@/lib/graphql/builder';
import { AuthorRef, Body, Correction, Image, LiveCoverage, SectionRef, TagRef, type ArticleShape } from '@/lib/graphql/types';

// The Article type. A list's articles carry their summary, section, tags and bylines from the
// list's one query; the rest (body, corrections, hero image, live coverage) is loaded per
// request by the loaders, so asking for it costs what the REST API's single read costs.

export const Article = builder.objectRef<ArticleShape>('Article').implement({
  description: 'A published article.',
  fields: (t) => ({
    id: t.exposeID('id'),
    slug: t.exposeString('slug'),
    title: t.exposeString('title'),
    standfirst: t.exposeString('standfirst'),
    url: t.exposeString('url', { description: 'Path of the article on the public site.' }),
    publishedAt: t.exposeString('publishedAt'),
    updatedAt: t.exposeString('updatedAt'),
    section: t.field({ type: SectionRef, nullable: true, resolve: (a) => a.section ?? null }),
    tags: t.field({ type: [TagRef], resolve: (a) => a.tags ?? [] }),
    authors: t.field({ type: [AuthorRef], resolve: (a) => a.authors ?? [] }),
    wordCount: t.int({ resolve: async (a, _, ctx) => a.wordCount ?? (await ctx.loaders.article(a.id)).wordCount ?? 0 }),
    commentsOpen: t.boolean({ resolve: async (a, _, ctx) => a.commentsOpen ?? (await ctx.loaders.article(a.id)).commentsOpen ?? false }),
    body: t.field({ type: Body, resolve: async (a, _, ctx) => (a.body ?? (await ctx.loaders.article(a.id)).body)! }),
    corrections: t.field({
      type: [Correction],
      description: 'Corrections, clarifications and updates, oldest first (withdrawn ones stay, marked).',
      resolve: async (a, _, ctx) => a.corrections ?? (await ctx.loaders.article(a.id)).corrections ?? [],
    }),
    heroImage: t.field({ type: Image, nullable: true, resolve: (a, _, ctx) => ctx.loaders.heroImage(a.id) }),
    liveCoverage: t.field({ type: LiveCoverage, description: 'Live coverage and its updates, as they land.', resolve: (a, _, ctx) => ctx.loaders.liveUpdates(a.id) }),
  }),
});

export const ArticleConnection = connectionOf('Article', Article);
