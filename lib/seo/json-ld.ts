import 'server-only';

export type JsonLdArticle = {
  title: string;
  standfirst: string;
  url: string;
  publishedAt: Date;
  updatedAt: Date;
  authors: { name: string; url: string }[];
  section: { name: string; url: string } | null;
  imageUrl?: string | null;
  /** Published corrections and clarifications (not withdrawn ones), as schema.org CorrectionComment. */
  corrections?: { text: string; publishedAt: Date }[];
};

export type Publisher = { name: string; url: string };

/** schema.org NewsArticle for the article page. */
export function newsArticleJsonLd(a: JsonLdArticle, publisher: Publisher) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title.slice(0, 110),
    description: a.standfirst || undefined,
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    url: a.url,
    datePublished: a.publishedAt.toISOString(),
    dateModified: (a.updatedAt > a.publishedAt ? a.updatedAt : a.publishedAt).toISOString(),
    author: a.authors.map((p) => ({ '@type': 'Person', name: p.name, url: p.url })),
    publisher: { '@type': 'NewsMediaOrganization', name: publisher.name, url: publisher.url },
    articleSection: a.section?.name,
    image: a.imageUrl ? [a.imageUrl] : undefined,
    correction: a.corrections?.length ? a.corrections.map((c) => ({ '@type': 'CorrectionComment', text: c.text, datePublished: c.publishedAt.toISOString() })) : undefined,
  };
}

/** schema.org LiveBlogPosting for an article with live coverage: its window and its updates, newest first. */
export function liveBlogPostingJsonLd(a: {
  title: string;
  url: string;
  startedAt: string;
  endedAt: string | null;
  updates: { id: string; headline: string | null; text: string; createdAt: string }[];
}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    headline: a.title.slice(0, 110),
    url: a.url,
    coverageStartTime: a.startedAt,
    coverageEndTime: a.endedAt ?? undefined,
    liveBlogUpdate: a.updates.map((u) => ({
      '@type': 'BlogPosting',
      headline: (u.headline || u.text).slice(0, 110),
      articleBody: u.text,
      datePublished: u.createdAt,
      url: `${a.url}#update-${u.id}`,
    })),
  };
}

/** schema.org BreadcrumbList: home, then each crumb in order. */
export function breadcrumbJsonLd(crumbs: { name: string; url: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.url })),
  };
}

/**
 * JSON for a <script type="application/ld+json">. `<` is escaped so a headline containing
 * "</script>" cannot end the element; U+2028/9 are escaped for old JavaScript parsers.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
