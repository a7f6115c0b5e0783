import 'server-only';
import { JSONParser } from '@streamparser/json';
import { Reporter } from './body-builder';
import { lexicalToHtml, markdownToHtml, mobiledocToHtml } from './ghost-content';
import { htmlToBody } from './html-to-body';
import { ImportFormatError, inputSize, readText } from './input';
import {
  IMPORT_LIMITS,
  importRecordSchema,
  type ConvertedBody,
  type ImportInput,
  type ImportNote,
  type ImportRecord,
  type ImportRecordInput,
  type MenuItem,
  type ReaderOptions,
  type TermRef,
} from './records';
import { cleanText, emailOrEmpty, fitWithNote, httpUrl, importSlug, parseAnyDate, pathOf, textFromHtml, uniquePaths } from './text';

export { ImportFormatError } from './input';

// Ghost "Export content" JSON (Ghost 4–6, and the older 0.x–3.x shapes where cheap) as neutral
// records, streamed with @streamparser/json in two passes:
//   pass 1 keeps the small tables (tags, users, roles, posts_tags, posts_authors, posts_meta,
//          settings), then yields site, users and public tags;
//   pass 2 yields each post and page as it is parsed (bodies are never all in memory), then menus.
// Memory: one post at a time plus the join tables, which grow with the number of posts
// (~300 bytes a post), not with their bodies.

export type GhostReaderOptions = ReaderOptions & {
  /** The Ghost site's URL: replaces `__GHOST_URL__` so images can be fetched and links stay absolute. */
  siteUrl?: string | null;
  /** The site's post permalink (routes.yaml), `{slug}`, `{year}`, `{month}`, `{day}`, `{id}`, `{primary_tag}`, `{primary_author}`; default `/{slug}/`. */
  postPermalink?: string;
};

type Row = Record<string, unknown>;
type Tag = { id: string; name: string; slug: string; description: string | null; internal: boolean };
type Link = { id: string; order: number };

const TABLES_PASS_1 = ['tags', 'users', 'roles', 'roles_users', 'posts_tags', 'posts_authors', 'posts_meta', 'settings'];
const META_FIELDS = [
  'meta_title',
  'meta_description',
  'og_image',
  'og_title',
  'og_description',
  'twitter_image',
  'twitter_title',
  'twitter_description',
  'feature_image_alt',
  'feature_image_caption',
  'email_only',
];

const s = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Paths for a table, with or without the `{ db: [ … ] }` wrapper Ghost puts around exports. */
const tablePaths = (tables: string[]) => tables.flatMap((t) => [`$.db.*.data.${t}.*`, `$.data.${t}.*`]);

/** Rows of the named tables, in file order, as the JSON is read; `{ table, row }` or the export's meta. */
async function* readRows(input: ImportInput, tables: string[], pass: 1 | 2, totalBytes: number | null, options: ReaderOptions): AsyncGenerator<{ table: string; row: Row }> {
  const parser = new JSONParser({ paths: [...tablePaths(tables), '$.db.*.meta', '$.meta'], keepStack: false });
  const queue: { table: string; row: Row }[] = [];
  parser.onValue = ({ value, key, stack }) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    queue.push({ table: key === 'meta' ? 'meta' : String(stack[stack.length - 1]?.key), row: value as Row });
  };
  let started = false;
  try {
    for await (const chunk of readText(input, pass, totalBytes, options.onProgress)) {
      if (!started && chunk.trim()) {
        started = true;
        if (!chunk.trimStart().startsWith('{')) throw new ImportFormatError('This is not a Ghost export: the file is not a JSON object.');
      }
      if (parser.isEnded) break;
      parser.write(chunk);
      yield* queue.splice(0);
    }
    if (!parser.isEnded) parser.end();
  } catch (err) {
    if (err instanceof ImportFormatError) throw err;
    throw new ImportFormatError(`This Ghost export could not be read as JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  yield* queue.splice(0);
}

/**
 * Reads a Ghost JSON export. Throws ImportFormatError when the file is not one. Posts that fail
 * to convert become `skipped` records; nothing else stops the import.
 */
export async function* readGhost(input: ImportInput, options: GhostReaderOptions = {}): AsyncGenerator<ImportRecord> {
  const totalBytes = await inputSize(input);
  const siteUrl = options.siteUrl ? options.siteUrl.replace(/\/+$/, '') : null;
  const fixUrls = (v: string) => v.replaceAll('__GHOST_URL__', siteUrl ?? '');
  const tags = new Map<string, Tag>();
  const users: Row[] = [];
  const userSlugs = new Map<string, string>();
  const roles = new Map<string, string>();
  const userRoles = new Map<string, string>();
  const postTags = new Map<string, Link[]>();
  const postAuthors = new Map<string, Link[]>();
  const postMeta = new Map<string, Row>();
  const settings = new Map<string, unknown>();
  let version: string | null = null;
  let tables = 0;

  const link = (map: Map<string, Link[]>, postId: string, id: string, order: unknown) => {
    const list = map.get(postId) ?? [];
    list.push({ id, order: typeof order === 'number' ? order : list.length });
    map.set(postId, list);
  };

  for await (const { table, row } of readRows(input, TABLES_PASS_1, 1, totalBytes, options)) {
    tables++;
    if (table === 'meta') version = s(row.version) || version;
    else if (table === 'tags') {
      const name = textFromHtml(s(row.name));
      tags.set(s(row.id), { id: s(row.id), name, slug: s(row.slug), description: cleanText(s(row.description)) || null, internal: row.visibility === 'internal' || name.startsWith('#') });
    } else if (table === 'users') users.push(row);
    else if (table === 'roles') roles.set(s(row.id), s(row.name));
    else if (table === 'roles_users') userRoles.set(s(row.user_id), s(row.role_id));
    else if (table === 'posts_tags') link(postTags, s(row.post_id), s(row.tag_id), row.sort_order);
    else if (table === 'posts_authors') link(postAuthors, s(row.post_id), s(row.author_id), row.sort_order);
    else if (table === 'posts_meta') postMeta.set(s(row.post_id), Object.fromEntries(META_FIELDS.map((f) => [f, row[f]])));
    else if (table === 'settings') settings.set(s(row.key), row.value);
  }
  if (!tables) throw new ImportFormatError('This is not a Ghost export: it has no "db" or "data" tables.');

  yield* valid({
    kind: 'site',
    source: 'ghost',
    title: cleanText(s(settings.get('title'))),
    description: cleanText(s(settings.get('description'))),
    url: siteUrl,
    language: cleanText(s(settings.get('lang') ?? settings.get('locale'))) || null,
    formatVersion: version,
  });
  for (const u of users) {
    const notes: ImportNote[] = [];
    const slug = s(u.slug);
    if (u.status && !['active', 'warn-1', 'warn-2', 'warn-3', 'warn-4', 'locked'].includes(s(u.status))) notes.push({ code: 'inactive-user', message: `The user was "${s(u.status)}" on Ghost.` });
    yield* valid({
      kind: 'user',
      source: 'ghost',
      originalId: s(u.id),
      login: slug,
      email: emailOrEmpty(s(u.email)),
      notes,
      displayName: fitWithNote(cleanText(s(u.name)) || slug || 'Author', IMPORT_LIMITS.userName, 'name', notes),
      slug: importSlug([slug, s(u.name)], `author-${s(u.id)}`, null),
      bio: cleanText(s(u.bio)) ? fitWithNote(cleanText(s(u.bio)), IMPORT_LIMITS.bio, 'bio', notes) : null,
      website: httpUrl(s(u.website)),
      avatarUrl: imageUrl(s(u.profile_image ?? u.image), fixUrls),
      originalRole: roles.get(userRoles.get(s(u.id)) ?? '') ?? null,
      oldPaths: slug ? [`/author/${slug}/`] : [],
    });
  }
  users.length = 0;
  for (const t of tags.values()) {
    if (t.internal) {
      yield* valid({ kind: 'skipped', source: 'ghost', originalId: t.id, what: 'internal tag', title: t.name, reason: 'Internal tags (#name) organise Ghost itself and are not imported.', notes: [] });
      continue;
    }
    const notes: ImportNote[] = [];
    yield* valid({
      kind: 'tag',
      source: 'ghost',
      originalId: t.id,
      notes,
      name: fitWithNote(t.name || t.slug, 40, 'name', notes),
      slug: importSlug([t.slug, t.name], `tag-${t.id}`, notes),
      description: t.description,
      oldPaths: t.slug ? [`/tag/${t.slug}/`] : [],
    });
  }

  // Pass 2: posts and pages, one at a time.
  const pageSlugs = new Map<string, string>();
  for await (const { table, row } of readRows(input, ['posts'], 2, totalBytes, options)) {
    if (table !== 'posts') continue;
    let record: ImportRecordInput;
    try {
      record = mapPost(row, { tags, postTags, postAuthors, postMeta, fixUrls, siteUrl, postPermalink: options.postPermalink ?? '/{slug}/', userSlugs });
    } catch (err) {
      record = {
        kind: 'skipped',
        source: 'ghost',
        originalId: s(row.id) || 'unknown',
        what: s(row.type) || 'post',
        title: s(row.title),
        reason: `It could not be converted: ${err instanceof Error ? err.message : String(err)}`.slice(0, 600),
        notes: [],
      };
    }
    if (record.kind === 'page') pageSlugs.set(s(row.slug), s(row.id));
    yield* valid(record);
  }
  for (const [key, location] of [
    ['navigation', 'header'],
    ['secondary_navigation', 'footer'],
  ] as const) {
    const menu = navigationMenu(settings.get(key), key, location, { tags, pageSlugs, fixUrls, siteUrl });
    if (menu) yield* valid(menu);
  }
}

type PostContext = {
  tags: Map<string, Tag>;
  postTags: Map<string, Link[]>;
  postAuthors: Map<string, Link[]>;
  postMeta: Map<string, Row>;
  fixUrls: (v: string) => string;
  siteUrl: string | null;
  postPermalink: string;
  userSlugs: Map<string, string>;
};

/** Path of a file under Ghost's content/images (sizes and formats undone), for --media-dir. */
export function ghostImagesPathOf(url: string): string | null {
  const path = (pathOf(url) ?? '').split('?')[0]!;
  const m = /\/content\/images\/(?:size\/[^/]+\/)?(?:format\/[^/]+\/)?(.+)$/.exec(path);
  return m ? decodeURIComponent(m[1]!) : null;
}

function imageUrl(raw: string, fixUrls: (v: string) => string): string | null {
  const url = fixUrls(raw).trim();
  return url ? url : null;
}

const byOrder = (a: Link, b: Link) => a.order - b.order;

function convertBody(row: Row, ctx: PostContext, notes: ImportNote[]): ConvertedBody {
  const reporter = new Reporter();
  const opts = { baseUrl: ctx.siteUrl, mediaPathOf: ghostImagesPathOf };
  const lexical = s(row.lexical);
  const mobiledoc = s(row.mobiledoc);
  let html: string | null = null;
  try {
    if (lexical) html = lexicalToHtml(ctx.fixUrls(lexical), reporter);
    else if (mobiledoc) html = mobiledocToHtml(ctx.fixUrls(mobiledoc), reporter);
  } catch {
    notes.push({ code: 'body-fallback', message: 'The editor document could not be read; the post was converted from its rendered HTML.' });
  }
  if (html === null && s(row.html)) html = ctx.fixUrls(s(row.html));
  if (html === null && s(row.markdown)) html = markdownToHtml(ctx.fixUrls(s(row.markdown)));
  if (html === null && s(row.plaintext))
    html = s(row.plaintext)
      .split(/\n{2,}/)
      .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('');
  return htmlToBody(html ?? '', { ...opts, report: reporter.report });
}

function permalink(template: string, row: Row, section: TermRef | null, authorSlug: string): string {
  const date = new Date(s(row.published_at) || s(row.created_at) || Date.now());
  const pad = (n: number) => String(n).padStart(2, '0');
  const path = template
    .replaceAll('{slug}', s(row.slug))
    .replaceAll('{id}', s(row.id))
    .replaceAll('{year}', String(date.getUTCFullYear()))
    .replaceAll('{month}', pad(date.getUTCMonth() + 1))
    .replaceAll('{day}', pad(date.getUTCDate()))
    .replaceAll('{primary_tag}', section?.slug ?? 'all')
    .replaceAll('{primary_author}', authorSlug);
  return path.startsWith('/') ? path : `/${path}`;
}

function mapPost(row: Row, ctx: PostContext): ImportRecordInput {
  const id = s(row.id);
  const notes: ImportNote[] = [];
  const kind = row.type === 'page' || row.page === true || row.page === 1 ? 'page' : 'post';
  const meta = ctx.postMeta.get(id) ?? {};
  const pick = (k: string) => cleanText(s(meta[k] ?? row[k])) || null;

  const status = s(row.status) || 'draft';
  const visibility = s(row.visibility) || 'public';
  let mapped: 'PUBLISHED' | 'SCHEDULED' | 'DRAFT' = status === 'published' ? 'PUBLISHED' : status === 'scheduled' ? 'SCHEDULED' : 'DRAFT';
  let draftReason: 'members-only' | 'paid-members-only' | 'email-only' | 'unknown-status' | null = null;
  if (status === 'sent' || meta.email_only === true || meta.email_only === 1) draftReason = 'email-only';
  else if (visibility === 'members') draftReason = 'members-only';
  else if (visibility === 'paid' || visibility === 'tiers') draftReason = 'paid-members-only';
  else if (!['published', 'scheduled', 'draft'].includes(status)) draftReason = 'unknown-status';
  if (draftReason) {
    mapped = 'DRAFT';
    notes.push({
      code: draftReason,
      message: `The ${kind} was ${draftReason === 'email-only' ? 'sent as a newsletter only' : draftReason === 'unknown-status' ? `"${status}"` : `for ${draftReason === 'members-only' ? 'members' : 'paying members'} only`} on Ghost; it arrives as a draft.`,
    });
  }
  const publishedAt = parseAnyDate(row.published_at);

  const tagList = (ctx.postTags.get(id) ?? [])
    .sort(byOrder)
    .map((l) => ctx.tags.get(l.id))
    .filter((t): t is Tag => !!t);
  const internal = tagList.filter((t) => t.internal);
  if (internal.length) notes.push({ code: 'internal-tags', message: `Internal tags not imported: ${internal.map((t) => t.name).join(', ')}.` });
  const publicTags = tagList.filter((t) => !t.internal);
  const ref = (t: Tag): TermRef => ({ originalId: t.id, taxonomy: 'tag', name: fitWithNote(t.name || t.slug, 40, 'tag name', notes), slug: importSlug([t.slug, t.name], `tag-${t.id}`, null) });
  const primary = publicTags[0];
  let tags = publicTags.map(ref);
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
  const section = primary && kind === 'post' ? { ...ref(primary), taxonomy: 'category' as const, name: fitWithNote(primary.name || primary.slug, IMPORT_LIMITS.name, 'section name', notes) } : null;
  const authorIds = (ctx.postAuthors.get(id) ?? []).sort(byOrder).map((l) => l.id);
  if (!authorIds.length && (row.author_id ?? row.author)) authorIds.push(s(row.author_id ?? row.author));

  const body = convertBody(row, ctx, notes);
  let title = textFromHtml(s(row.title));
  if (!title) {
    title = 'Untitled';
    notes.push({ code: 'empty-title', message: 'The source had no title; it is now "Untitled".' });
  }
  title = fitWithNote(title, IMPORT_LIMITS.title, 'title', notes);
  if (cleanText(s(row.codeinjection_head)) || cleanText(s(row.codeinjection_foot))) notes.push({ code: 'code-injection', message: 'Code injection (scripts added to the page) is not imported.' });

  const featureImage = imageUrl(s(row.feature_image ?? row.image), ctx.fixUrls);
  const path = kind === 'page' ? `/${s(row.slug)}/` : permalink(ctx.postPermalink, row, section, ctx.userSlugs.get(authorIds[0] ?? '') ?? '');
  const seoTitle = pick('meta_title');
  const seoDescription = pick('meta_description');
  return {
    kind,
    source: 'ghost',
    originalId: id,
    notes,
    originalUrl: ctx.siteUrl ? `${ctx.siteUrl}${path}` : null,
    oldPaths: uniquePaths([s(row.slug) ? path : null, s(row.uuid) ? `/p/${s(row.uuid)}/` : null]),
    title,
    slug: importSlug([s(row.slug), title], `${kind}-${id}`, notes),
    originalSlug: s(row.slug),
    status: mapped,
    originalStatus: visibility === 'public' ? status : `${status} (${visibility})`,
    draftReason,
    publishedAt: mapped === 'PUBLISHED' ? publishedAt : null,
    scheduledAt: mapped === 'SCHEDULED' ? publishedAt : null,
    createdAt: parseAnyDate(row.created_at),
    updatedAt: parseAnyDate(row.updated_at),
    authorIds,
    section,
    tags: kind === 'post' ? tags : [],
    standfirst: fitWithNote(cleanText(s(row.custom_excerpt)), IMPORT_LIMITS.standfirst, 'standfirst', notes),
    seo: {
      title: seoTitle ? fitWithNote(seoTitle, IMPORT_LIMITS.seoTitle, 'SEO title', notes) : null,
      description: seoDescription ? fitWithNote(seoDescription, IMPORT_LIMITS.seoDescription, 'SEO description', notes) : null,
      canonicalUrl: httpUrl(s(row.canonical_url)),
      ogTitle: pick('og_title'),
      ogDescription: pick('og_description'),
      ogImageUrl: imageUrl(s(meta.og_image ?? row.og_image), ctx.fixUrls),
      twitterTitle: pick('twitter_title'),
      twitterDescription: pick('twitter_description'),
      twitterImageUrl: imageUrl(s(meta.twitter_image ?? row.twitter_image), ctx.fixUrls),
    },
    featuredImage: featureImage
      ? {
          url: featureImage,
          attachmentId: null,
          relativePath: ghostImagesPathOf(featureImage),
          alt: fitWithNote(cleanText(s(meta.feature_image_alt ?? row.feature_image_alt)), 300, 'alt text', notes),
          caption: fitWithNote(textFromHtml(s(meta.feature_image_caption ?? row.feature_image_caption)), 500, 'caption', notes),
          credit: '',
        }
      : null,
    sticky: row.featured === true || row.featured === 1,
    commentsOpen: true,
    body,
    parentOriginalId: null,
    menuOrder: 0,
  };
}

/** Ghost's navigation setting (`[{ label, url }]`) as a menu; tag and page links point at their records. */
function navigationMenu(
  raw: unknown,
  key: string,
  location: 'header' | 'footer',
  ctx: { tags: Map<string, Tag>; pageSlugs: Map<string, string>; fixUrls: (v: string) => string; siteUrl: string | null },
): ImportRecordInput | null {
  let list: unknown;
  try {
    list = typeof raw === 'string' ? JSON.parse(raw) : raw;
  } catch {
    return null;
  }
  if (!Array.isArray(list) || !list.length) return null;
  const tagsBySlug = new Map([...ctx.tags.values()].map((t) => [t.slug, t.id]));
  const items: MenuItem[] = list.map((entry, i) => {
    const e = (entry ?? {}) as Row;
    const url = ctx.fixUrls(s(e.url)).trim();
    const local = ctx.siteUrl && url.startsWith(ctx.siteUrl) ? url.slice(ctx.siteUrl.length) || '/' : url;
    const tag = /^\/tag\/([^/]+)\/?$/.exec(local)?.[1];
    const page = /^\/([^/]+)\/?$/.exec(local)?.[1];
    const base = { originalId: `${key}-${i}`, parentOriginalId: null, order: i, label: cleanText(s(e.label)), openInNewTab: false };
    if (tag && tagsBySlug.has(tag)) return { ...base, type: 'tag', targetOriginalId: tagsBySlug.get(tag)!, url: null };
    if (page && ctx.pageSlugs.has(page)) return { ...base, type: 'page', targetOriginalId: ctx.pageSlugs.get(page)!, url: null };
    return { ...base, type: 'url', targetOriginalId: null, url: local || '/' };
  });
  return { kind: 'menu', source: 'ghost', originalId: key, name: location === 'header' ? 'Primary navigation' : 'Secondary navigation', slug: key, location, items, notes: [] };
}

function* valid(record: ImportRecordInput): Generator<ImportRecord> {
  const parsed = importRecordSchema.safeParse(record);
  if (parsed.success) {
    yield parsed.data;
    return;
  }
  const issue = parsed.error.issues[0];
  yield importRecordSchema.parse({
    kind: 'skipped',
    source: 'ghost',
    originalId: 'originalId' in record ? record.originalId : 'unknown',
    what: record.kind,
    title: 'title' in record ? String(record.title ?? '') : '',
    reason: `It could not be converted (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}).`,
    notes: [],
  });
}
