import 'server-only';
import { htmlToBody, htmlToPlainText } from './html-to-body';
import type { ImportNote, ImportRecordInput, TermRef } from './records';
import { IMPORT_LIMITS } from './records';
import {
  absoluteUrl,
  cleanText,
  decodeSlug,
  emailOrEmpty,
  filenameOf,
  fitText,
  fitWithNote,
  httpUrl,
  importSlug,
  mimeTypeOf,
  parentsFirst,
  parseAnyDate,
  parseSqlUtc,
  pathOf,
  textFromHtml,
  uniquePaths,
} from './text';
import { children, field, metaOf, text, type XNode } from './wxr-xml';

// WXR elements to neutral records. Pure functions over one element and the little the reader
// remembers between elements (site URLs, terms by id, authors' logins).

export type TermInfo = { taxonomy: string; slug: string; name: string; parentSlug: string };

export type WxrContext = {
  siteUrl: string | null;
  blogUrl: string | null;
  /** term_id → term, for Yoast's primary category and menu items (which name terms by id). */
  terms: Map<string, TermInfo>;
  /** author_id → login (comments name staff users by id). */
  loginsById: Map<string, string>;
  /** category slug → parent slug (parents come first in a WXR file). */
  categoryParents: Map<string, string>;
  reusableBlocks: Map<string, string>;
  categoryBase: string;
  tagBase: string;
};

/** The old blog's path prefix ('' at the root, '/blog' in a subdirectory). */
export function blogPrefix(ctx: Pick<WxrContext, 'blogUrl' | 'siteUrl'>): string {
  return (pathOf(ctx.blogUrl ?? ctx.siteUrl) ?? '').replace(/\?.*$/, '').replace(/\/+$/, '');
}

/** Path of a file under wp-content/uploads ("2019/03/photo.jpg"), for --media-dir. */
export function uploadsPathOf(url: string): string | null {
  const path = (pathOf(url) ?? '').split('?')[0]!;
  const m = /\/wp-content\/uploads\/(.+)$/.exec(path) ?? /\/files\/(\d{4}\/\d{2}\/.+)$/.exec(path);
  return m ? decodeSlug(m[1]!) : null;
}

/** URLs worth trying for an image WordPress resized: the one in the post, then the original file. */
export function wordpressImageUrlCandidates(url: string): string[] {
  const original = url.replace(/-\d+x\d+(?=\.[a-z0-9]+(\?.*)?$)/i, '');
  const unscaled = original.replace(/-scaled(?=\.[a-z0-9]+(\?.*)?$)/i, '');
  return [...new Set([url, original, unscaled])];
}

/** WordPress's user_nicename is not exported; it is sanitize_title(login) on nearly every site. */
export function nicenameOf(login: string): string {
  return decodeSlug(login)
    .toLowerCase()
    .replace(/[.@\s]+/g, '-')
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

export function mapAuthor(node: XNode, ctx: WxrContext): ImportRecordInput | null {
  const login = field(node, 'wp:author_login');
  if (!login) return null;
  const id = field(node, 'wp:author_id');
  if (id) ctx.loginsById.set(id, login);
  return userFromLogin(
    login,
    {
      email: field(node, 'wp:author_email'),
      displayName: textFromHtml(text(node, 'wp:author_display_name')) || cleanText(`${textFromHtml(text(node, 'wp:author_first_name'))} ${textFromHtml(text(node, 'wp:author_last_name'))}`),
      id,
    },
    ctx,
  );
}

/** A user record; also for WXR 1.0 files, which name authors only in each item's dc:creator. */
export function userFromLogin(login: string, info: { email: string; displayName: string; id: string }, ctx: WxrContext): ImportRecordInput {
  const notes: ImportNote[] = [];
  const prefix = blogPrefix(ctx);
  const nicename = nicenameOf(login);
  if (!info.email) notes.push({ code: 'no-email', message: `The export has no email address for "${login}".` });
  return {
    kind: 'user',
    source: 'wordpress',
    originalId: login,
    login,
    email: emailOrEmpty(info.email),
    displayName: fitWithNote(info.displayName || login, IMPORT_LIMITS.userName, 'name', notes),
    slug: importSlug([nicename, login], 'author', null),
    bio: null,
    website: null,
    avatarUrl: null,
    originalRole: null,
    oldPaths: uniquePaths([`${prefix}/author/${nicename}/`, nicename !== login ? `${prefix}/author/${encodeURIComponent(login)}/` : null, info.id ? `${prefix}/?author=${info.id}` : null]),
    notes,
  };
}

/** Ancestor slugs of a category, root first ("news/local" for local under news). */
function categoryPath(slug: string, parents: Map<string, string>): string {
  const parts = [slug];
  for (let p = parents.get(slug), guard = 0; p && guard < 20; p = parents.get(p), guard++) parts.unshift(p);
  return parts.join('/');
}

/** wp:category, wp:tag or wp:term as a section, tag, menu or skipped record. */
export function mapTerm(node: XNode, ctx: WxrContext): ImportRecordInput | null {
  const kind = node.name === 'wp:category' ? 'category' : node.name === 'wp:tag' ? 'post_tag' : field(node, 'wp:term_taxonomy');
  const slug = field(node, kind === 'category' ? 'wp:category_nicename' : kind === 'post_tag' && node.name === 'wp:tag' ? 'wp:tag_slug' : 'wp:term_slug');
  const rawName = text(node, node.name === 'wp:category' ? 'wp:cat_name' : node.name === 'wp:tag' ? 'wp:tag_name' : 'wp:term_name');
  const name = textFromHtml(rawName) || decodeSlug(slug);
  const parentSlug = field(node, node.name === 'wp:category' ? 'wp:category_parent' : 'wp:term_parent');
  const description = textFromHtml(text(node, node.name === 'wp:category' ? 'wp:category_description' : node.name === 'wp:tag' ? 'wp:tag_description' : 'wp:term_description')) || null;
  const termId = field(node, 'wp:term_id');
  if (!slug && !name) return null;
  if (termId) ctx.terms.set(termId, { taxonomy: kind, slug, name, parentSlug });
  const notes: ImportNote[] = [];
  const prefix = blogPrefix(ctx);
  if (kind === 'category') {
    if (parentSlug) ctx.categoryParents.set(slug, parentSlug);
    const path = categoryPath(slug, ctx.categoryParents);
    if (parentSlug) notes.push({ code: 'category-flattened', message: `"${name}" was a subcategory of "${parentSlug}"; Broadsheet sections are flat.` });
    return {
      kind: 'section',
      source: 'wordpress',
      originalId: slug,
      notes,
      name: fitWithNote(name, IMPORT_LIMITS.name, 'name', notes),
      slug: importSlug([slug, name], `category-${termId || 'x'}`, notes),
      description,
      parentOriginalId: parentSlug || null,
      oldPaths: uniquePaths([`${prefix}/${ctx.categoryBase}/${path}/`, `${prefix}/${ctx.categoryBase}/${slug}/`, termId ? `${prefix}/?cat=${termId}` : null]),
    };
  }
  if (kind === 'post_tag') {
    return {
      kind: 'tag',
      source: 'wordpress',
      originalId: slug,
      notes,
      name: fitWithNote(name, 40, 'name', notes),
      slug: importSlug([slug, name], `tag-${termId || 'x'}`, notes),
      description,
      oldPaths: uniquePaths([`${prefix}/${ctx.tagBase}/${slug}/`, `${prefix}/?tag=${encodeURIComponent(slug)}`]),
    };
  }
  if (kind === 'nav_menu') return null;
  return { kind: 'skipped', source: 'wordpress', originalId: `${kind}:${slug}`, what: `term (${kind})`, title: name, reason: `Terms of the "${kind}" taxonomy are not imported.`, notes: [] };
}

const STATUS: Record<string, 'PUBLISHED' | 'SCHEDULED' | 'DRAFT' | 'IN_REVIEW'> = { publish: 'PUBLISHED', future: 'SCHEDULED', draft: 'DRAFT', pending: 'IN_REVIEW', private: 'DRAFT' };
const INTERNAL_TYPES = new Set([
  'revision',
  'customize_changeset',
  'oembed_cache',
  'user_request',
  'custom_css',
  'wp_template',
  'wp_template_part',
  'wp_global_styles',
  'wp_navigation',
  'wp_font_family',
  'wp_font_face',
]);

/** Replaces Yoast / Rank Math title variables: the post title stays, the rest (site name, separators) go. */
function seoText(raw: string | undefined, title: string): string | null {
  if (!raw) return null;
  const out = cleanText(
    raw
      .replace(/%%title%%|%title%/g, title)
      .replace(/%%[a-z_]+%%|%[a-z_]+%/gi, ' ')
      .replace(/\s[|–—-]\s*$/, ''),
  ).replace(/^[|–—-]\s+|\s+[|–—-]$/g, '');
  return out && out !== title ? out : null;
}

/** Item categories of one domain, in file order, once each. */
function itemTerms(item: XNode, domains: string[]): { slug: string; name: string }[] {
  const seen = new Set<string>();
  const out: { slug: string; name: string }[] = [];
  for (const c of children(item, 'category')) {
    const domain = c.attrs.domain ?? 'category';
    if (!domains.includes(domain)) continue;
    const name = textFromHtml(c.text);
    // WXR 1.0 names each term twice, with and without its nicename.
    const slug = c.attrs.nicename || (name ? importSlug([name], 'term', null) : '');
    if (!slug || seen.has(slug)) continue;
    seen.add(slug);
    out.push({ slug, name: name || decodeSlug(slug) });
  }
  return out;
}

function termRef(t: { slug: string; name: string }, taxonomy: 'category' | 'tag', originalId: string, notes: ImportNote[]): TermRef {
  return { originalId, taxonomy, name: fitWithNote(t.name, taxonomy === 'tag' ? 40 : IMPORT_LIMITS.name, 'tag name', notes) || t.slug, slug: importSlug([t.slug, t.name], 'term', null) };
}

/**
 * The item's date: the GMT column; drafts have a zero GMT date, so their local date (read as UTC);
 * files without the GMT column (early WXR 1.0) use pubDate, else the local date (noted).
 */
function itemDate(item: XNode, notes: ImportNote[]): string | null {
  const hasGmt = item.children.some((c) => c.name === 'wp:post_date_gmt');
  const gmt = parseSqlUtc(field(item, 'wp:post_date_gmt'));
  if (gmt) return gmt;
  const pub = hasGmt ? null : parseAnyDate(field(item, 'pubDate'));
  if (pub) return pub;
  const local = parseSqlUtc(field(item, 'wp:post_date'));
  const status = field(item, 'wp:status');
  if (local && status !== 'draft' && status !== 'pending' && status !== 'auto-draft')
    notes.push({ code: 'date-time-zone-unknown', message: 'The export has only the local date; it was read as UTC.' });
  return local;
}

/** Bylines: dc:creator, then Co-Authors Plus terms (taxonomy "author": name = login, slug = "cap-" + nicename). */
export function bylineLogins(item: XNode): string[] {
  const coAuthors = children(item, 'category')
    .filter((c) => c.attrs.domain === 'author')
    .map((c) => cleanText(c.text) || (c.attrs.nicename ?? '').replace(/^cap-/, ''));
  return [...new Set([field(item, 'dc:creator'), ...coAuthors].filter(Boolean))];
}

export type MappedItem = { record: ImportRecordInput; comments: ImportRecordInput[] };

/** A post or page item, with its comments (parents before replies); other types as skipped records. */
export function mapItem(item: XNode, ctx: WxrContext): MappedItem {
  const id = field(item, 'wp:post_id');
  const type = field(item, 'wp:post_type') || 'post';
  const status = field(item, 'wp:status') || 'publish';
  const title = textFromHtml(text(item, 'title'));
  const skip = (reason: string): MappedItem => ({ record: { kind: 'skipped', source: 'wordpress', originalId: id || `line-${item.line}`, what: type, title, reason, notes: [] }, comments: [] });
  if (!id) return skip('The item has no wp:post_id.');
  if (type !== 'post' && type !== 'page') return skip(INTERNAL_TYPES.has(type) || type.startsWith('wp_') ? 'WordPress internal data.' : `Items of the post type "${type}" are not imported.`);
  if (status === 'trash') return skip('It was in the trash.');
  if (status === 'auto-draft') return skip('An empty automatic draft.');

  const notes: ImportNote[] = [];
  const meta = metaOf(item, 'wp:postmeta');
  const prefix = blogPrefix(ctx);
  const password = field(item, 'wp:post_password');
  let mapped = STATUS[status] ?? 'DRAFT';
  let draftReason: 'private' | 'password-protected' | 'unknown-status' | null = status === 'private' ? 'private' : STATUS[status] ? null : 'unknown-status';
  if (password && mapped !== 'DRAFT' && mapped !== 'IN_REVIEW') draftReason = 'password-protected';
  if (password) notes.push({ code: 'password-protected', message: 'The post was password-protected; it arrives as a draft and the password is not kept.' });
  if (draftReason) mapped = 'DRAFT';
  if (status === 'private') notes.push({ code: 'private', message: 'The post was private; it arrives as a draft.' });
  if (draftReason === 'unknown-status') notes.push({ code: 'unknown-status', message: `The status "${status}" has no equivalent; it arrives as a draft.` });

  const date = itemDate(item, notes);
  const body = htmlToBody(text(item, 'content:encoded'), {
    wordpress: true,
    baseUrl: ctx.blogUrl ?? ctx.siteUrl,
    mediaPathOf: uploadsPathOf,
    reusableBlock: (ref) => ctx.reusableBlocks.get(ref) ?? null,
  });

  let finalTitle = title;
  if (!finalTitle) {
    const first = body.doc.content.find((b) => b.type === 'paragraph' || b.type === 'heading');
    const words = first && 'content' in first ? cleanText((first.content ?? []).map((n) => (n.type === 'text' ? n.text : ' ')).join('')) : '';
    finalTitle = fitText(words.split(/(?<=[.!?])\s/)[0] ?? '', 80).text || 'Untitled';
    notes.push({ code: 'empty-title', message: `The source had no title; it is now "${finalTitle}".` });
  }
  finalTitle = fitWithNote(finalTitle, IMPORT_LIMITS.title, 'title', notes);

  const authorIds = bylineLogins(item);

  // Section: Yoast's primary category, else the first that is not the default, else the first.
  const categories = itemTerms(item, ['category']);
  const primaryId = meta.get('_yoast_wpseo_primary_category') ?? meta.get('rank_math_primary_category');
  const primarySlug = primaryId ? ctx.terms.get(primaryId.trim())?.slug : undefined;
  const primary = categories.find((c) => c.slug === primarySlug) ?? (categories.length > 1 ? categories.find((c) => c.slug !== 'uncategorized') : undefined) ?? categories[0];
  const section = primary ? termRef(primary, 'category', primary.slug, notes) : null;
  let tags: TermRef[] = [
    ...categories.filter((c) => c !== primary).map((c) => termRef(c, 'category', `category:${c.slug}`, notes)),
    ...itemTerms(item, ['post_tag', 'tag']).map((t) => termRef(t, 'tag', t.slug, notes)),
  ];
  if (tags.length > 12) {
    notes.push({
      code: 'too-many-tags',
      message: `Broadsheet articles have at most 12 tags; dropped: ${tags
        .slice(12)
        .map((t) => t.name)
        .join(', ')}.`,
    });
    tags = tags.slice(0, 12);
  }
  const others = children(item, 'category')
    .map((c) => c.attrs.domain ?? 'category')
    .filter((d) => !['category', 'post_tag', 'tag', 'author', 'post_format', 'nav_menu'].includes(d));
  if (others.length) notes.push({ code: 'custom-taxonomy', message: `Terms of ${[...new Set(others)].join(', ')} were not imported.` });

  const seoTitle = seoText(meta.get('_yoast_wpseo_title') ?? meta.get('rank_math_title') ?? meta.get('_aioseo_title') ?? meta.get('_aioseop_title') ?? meta.get('_seopress_titles_title'), finalTitle);
  const seoDescription = seoText(
    meta.get('_yoast_wpseo_metadesc') ?? meta.get('rank_math_description') ?? meta.get('_aioseo_description') ?? meta.get('_aioseop_description') ?? meta.get('_seopress_titles_desc'),
    finalTitle,
  );
  const link = field(item, 'link');
  const idPath = `${prefix}/?${type === 'page' ? 'page_id' : 'p'}=${id}`;
  const thumbnail = meta.get('_thumbnail_id')?.trim();
  const excerpt = textFromHtml(text(item, 'excerpt:encoded'));
  const parent = field(item, 'wp:post_parent');

  const record: ImportRecordInput = {
    kind: type as 'post' | 'page',
    source: 'wordpress',
    originalId: id,
    originalUrl: httpUrl(link),
    oldPaths: uniquePaths([pathOf(link), idPath, /[?&]p=\d+/.test(field(item, 'guid')) ? `${prefix}/?p=${id}` : null]),
    title: finalTitle,
    slug: importSlug([field(item, 'wp:post_name'), finalTitle], `${type}-${id}`, notes),
    originalSlug: decodeSlug(field(item, 'wp:post_name')),
    status: mapped,
    originalStatus: status,
    draftReason,
    publishedAt: mapped === 'PUBLISHED' ? date : null,
    scheduledAt: mapped === 'SCHEDULED' ? date : null,
    createdAt: date,
    updatedAt: parseSqlUtc(field(item, 'wp:post_modified_gmt')) ?? null,
    authorIds,
    section: type === 'post' ? section : null,
    tags: type === 'post' ? tags : [],
    standfirst: fitWithNote(excerpt, IMPORT_LIMITS.standfirst, 'standfirst', notes),
    seo: {
      title: seoTitle ? fitWithNote(seoTitle, IMPORT_LIMITS.seoTitle, 'SEO title', notes) : null,
      description: seoDescription ? fitWithNote(seoDescription, IMPORT_LIMITS.seoDescription, 'SEO description', notes) : null,
      canonicalUrl: httpUrl(meta.get('_yoast_wpseo_canonical') ?? meta.get('rank_math_canonical_url') ?? meta.get('_seopress_robots_canonical')),
      ogTitle: seoText(meta.get('_yoast_wpseo_opengraph-title') ?? meta.get('rank_math_facebook_title'), finalTitle),
      ogDescription: seoText(meta.get('_yoast_wpseo_opengraph-description') ?? meta.get('rank_math_facebook_description'), finalTitle),
      ogImageUrl: httpUrl(meta.get('_yoast_wpseo_opengraph-image') ?? meta.get('rank_math_facebook_image')),
      twitterTitle: seoText(meta.get('_yoast_wpseo_twitter-title') ?? meta.get('rank_math_twitter_title'), finalTitle),
      twitterDescription: seoText(meta.get('_yoast_wpseo_twitter-description') ?? meta.get('rank_math_twitter_description'), finalTitle),
      twitterImageUrl: httpUrl(meta.get('_yoast_wpseo_twitter-image') ?? meta.get('rank_math_twitter_image')),
    },
    // Alt text and caption live on the attachment (its media record): '' here means "the media's own".
    featuredImage: thumbnail && /^\d+$/.test(thumbnail) ? { url: null, attachmentId: thumbnail, relativePath: null, alt: '', caption: '', credit: '' } : null,
    sticky: field(item, 'wp:is_sticky') === '1',
    commentsOpen: field(item, 'wp:comment_status') !== 'closed',
    body,
    parentOriginalId: type === 'page' && parent && parent !== '0' ? parent : null,
    menuOrder: Number.parseInt(field(item, 'wp:menu_order'), 10) || 0,
    notes,
  };
  return { record, comments: mapComments(item, id, ctx) };
}

const COMMENT_STATUS: Record<string, 'APPROVED' | 'PENDING' | 'SPAM' | 'TRASH'> = {
  '1': 'APPROVED',
  approve: 'APPROVED',
  '0': 'PENDING',
  hold: 'PENDING',
  spam: 'SPAM',
  trash: 'TRASH',
  'post-trashed': 'TRASH',
};

function mapComments(item: XNode, postId: string, ctx: WxrContext): ImportRecordInput[] {
  const nodes = children(item, 'wp:comment');
  const ids = new Set(nodes.map((c) => field(c, 'wp:comment_id')));
  const mapped = nodes.flatMap((c): (ImportRecordInput & { kind: 'comment' })[] => {
    const id = field(c, 'wp:comment_id');
    if (!id) return [];
    const notes: ImportNote[] = [];
    const rawType = field(c, 'wp:comment_type');
    const type = rawType === 'pingback' || rawType === 'trackback' ? rawType : rawType === 'webmention' ? 'pingback' : 'comment';
    let parent: string | null = field(c, 'wp:comment_parent');
    if (!parent || parent === '0') parent = null;
    else if (!ids.has(parent)) {
      notes.push({ code: 'orphan-reply', message: `It replied to comment ${parent}, which is not in the export; kept as a top-level comment.` });
      parent = null;
    }
    const approved = field(c, 'wp:comment_approved');
    const userId = field(c, 'wp:comment_user_id');
    const url = field(c, 'wp:comment_author_url');
    const name = textFromHtml(text(c, 'wp:comment_author')) || 'Anonymous';
    return [
      {
        kind: 'comment',
        source: 'wordpress',
        originalId: id,
        postOriginalId: postId,
        parentOriginalId: parent,
        status: COMMENT_STATUS[approved] ?? 'PENDING',
        type,
        originalType: rawType || 'comment',
        authorName: fitWithNote(name, IMPORT_LIMITS.userName, 'name', notes),
        authorEmail: emailOrEmpty(field(c, 'wp:comment_author_email')),
        authorUrl: httpUrl(url.replace(/&#0?38;/g, '&')),
        authorIp: field(c, 'wp:comment_author_IP') || null,
        userOriginalId: userId && userId !== '0' ? (ctx.loginsById.get(userId) ?? null) : null,
        body: htmlToPlainText(text(c, 'wp:comment_content'), { autop: true }),
        createdAt: parseSqlUtc(field(c, 'wp:comment_date_gmt')) ?? parseSqlUtc(field(c, 'wp:comment_date')),
        notes,
      },
    ];
  });
  return parentsFirst(mapped);
}

/** An attachment item as a media record. */
export function mapAttachment(item: XNode, ctx: WxrContext): ImportRecordInput | null {
  const id = field(item, 'wp:post_id');
  const meta = metaOf(item, 'wp:postmeta');
  const url = absoluteUrl(field(item, 'wp:attachment_url') || field(item, 'guid'), ctx.siteUrl);
  if (!id || !url) return null;
  const attached = meta.get('_wp_attached_file')?.trim();
  const relativePath = attached && !attached.startsWith('/') && !/^https?:/.test(attached) ? attached : uploadsPathOf(url);
  const filename = filenameOf(relativePath ?? url);
  const notes: ImportNote[] = [];
  const parent = field(item, 'wp:post_parent');
  const prefix = blogPrefix(ctx);
  return {
    kind: 'media',
    source: 'wordpress',
    originalId: id,
    notes,
    url,
    relativePath,
    filename,
    mimeType: mimeTypeOf(filename),
    title: textFromHtml(text(item, 'title')),
    alt: fitWithNote(cleanText(meta.get('_wp_attachment_image_alt')), 300, 'alt text', notes),
    caption: fitWithNote(textFromHtml(text(item, 'excerpt:encoded')), 500, 'caption', notes),
    description: textFromHtml(text(item, 'content:encoded')),
    parentOriginalId: parent && parent !== '0' ? parent : null,
    createdAt: itemDate(item, []),
    oldPaths: uniquePaths([pathOf(field(item, 'link')), `${prefix}/?attachment_id=${id}`]),
  };
}
