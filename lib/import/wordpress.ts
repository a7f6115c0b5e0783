import 'server-only';
import { ImportFormatError, inputSize } from './input';
import { importRecordSchema, type ImportInput, type ImportRecord, type ImportRecordInput, type ReaderOptions } from './records';
import { cleanText, textFromHtml } from './text';
import { bylineLogins, mapAttachment, mapAuthor, mapItem, mapTerm, userFromLogin, type WxrContext } from './wordpress-map';
import { buildMenus, readMenuItem, type WxrMenuItem } from './wordpress-menus';
import { field, text, readWxrElements, type XNode } from './wxr-xml';

export { uploadsPathOf, wordpressImageUrlCandidates } from './wordpress-map';
export { ImportFormatError } from './input';

// WordPress eXtended RSS (WXR 1.0, 1.1, 1.2) as neutral records, read as a stream in two passes:
//   pass 1: site, users, sections, tags, media (attachments) — everything posts refer to;
//   pass 2: posts and pages, each followed by its comments (parents before replies), items not
//           imported as `skipped`; at the end the menus, whose items point at all of the above.
// Memory holds one <item> at a time plus what is small and needed across items: terms by id
// (~150 bytes each), authors' logins, reusable blocks (capped) and nav menu items.

export type WordPressReaderOptions = ReaderOptions & {
  /** The site's category base when it was not "category" (Settings → Permalinks). */
  categoryBase?: string;
  /** The site's tag base when it was not "tag". */
  tagBase?: string;
};

const MAX_REUSABLE_BLOCKS_BYTES = 5 * 1024 * 1024;
const HEADER = new Set(['title', 'link', 'description', 'language', 'wp:wxr_version', 'wp:base_site_url', 'wp:base_blog_url', 'pubDate', 'generator']);

/**
 * Reads a WXR file. Records are validated against importRecordSchema; an item that fails to
 * convert becomes a `skipped` record naming the problem, so one bad post never stops an import.
 * Throws ImportFormatError when the file is not a WXR export.
 */
export async function* readWordPress(input: ImportInput, options: WordPressReaderOptions = {}): AsyncGenerator<ImportRecord> {
  const totalBytes = await inputSize(input);
  const ctx: WxrContext = {
    siteUrl: null,
    blogUrl: null,
    terms: new Map(),
    loginsById: new Map(),
    categoryParents: new Map(),
    reusableBlocks: new Map(),
    categoryBase: (options.categoryBase ?? 'category').replace(/^\/+|\/+$/g, ''),
    tagBase: (options.tagBase ?? 'tag').replace(/^\/+|\/+$/g, ''),
  };
  const header = new Map<string, string>();
  const declaredLogins = new Set<string>();
  const creators = new Set<string>();
  const menus = new Map<string, { termId: string; name: string }>();
  const menuItems: WxrMenuItem[] = [];
  let reusableBytes = 0;
  let siteSent = false;
  let sawItemsOrTerms = false;

  function* site(): Generator<ImportRecord> {
    if (siteSent) return;
    siteSent = true;
    ctx.siteUrl = header.get('wp:base_site_url') || header.get('link') || null;
    ctx.blogUrl = header.get('wp:base_blog_url') || header.get('link') || ctx.siteUrl;
    const version = header.get('wp:wxr_version') ?? null;
    if (!version) throw new ImportFormatError('This is not a WordPress export (WXR): it has no <wp:wxr_version>.');
    yield* valid({
      kind: 'site',
      source: 'wordpress',
      title: textFromHtml(header.get('title')),
      description: textFromHtml(header.get('description')),
      url: ctx.blogUrl,
      language: cleanText(header.get('language')) || null,
      formatVersion: version,
    });
  }

  function* firstPassItem(node: XNode): Generator<ImportRecord> {
    const type = field(node, 'wp:post_type');
    if (type === 'attachment') {
      const record = mapAttachment(node, ctx);
      if (record) yield* valid(record);
    } else if (type === 'wp_block') {
      const html = text(node, 'content:encoded');
      if (reusableBytes + html.length <= MAX_REUSABLE_BLOCKS_BYTES) {
        ctx.reusableBlocks.set(field(node, 'wp:post_id'), html);
        reusableBytes += html.length;
      }
    } else if (type === 'nav_menu_item') {
      const item = readMenuItem(node);
      if (item) menuItems.push(item);
    } else {
      if (type === 'post' || type === 'page' || !type) for (const login of bylineLogins(node)) creators.add(login);
    }
  }

  // Pass 1: what posts refer to.
  for await (const ev of readWxrElements(input, 1, totalBytes, options.onProgress)) {
    if (ev.type === 'warning') {
      yield* valid({ kind: 'warning', source: 'wordpress', message: ev.message, line: ev.line });
      continue;
    }
    const node = ev.node;
    if (HEADER.has(node.name)) {
      if (!header.has(node.name)) header.set(node.name, node.text.trim());
      continue;
    }
    if (['wp:author', 'wp:category', 'wp:tag', 'wp:term', 'item'].includes(node.name)) yield* site();
    if (node.name === 'wp:author') {
      sawItemsOrTerms = true;
      const record = mapAuthor(node, ctx);
      if (record?.kind === 'user') declaredLogins.add(record.originalId);
      if (record) yield* valid(record);
    } else if (node.name === 'wp:category' || node.name === 'wp:tag' || node.name === 'wp:term') {
      sawItemsOrTerms = true;
      if (node.name === 'wp:term' && field(node, 'wp:term_taxonomy') === 'nav_menu') {
        menus.set(field(node, 'wp:term_slug'), { termId: field(node, 'wp:term_id'), name: textFromHtml(text(node, 'wp:term_name')) });
      }
      const record = mapTerm(node, ctx);
      if (record) yield* valid(record);
    } else if (node.name === 'item') {
      sawItemsOrTerms = true;
      yield* firstPassItem(node);
    }
  }
  yield* site();
  if (!sawItemsOrTerms) return;
  // WXR 1.0 has no <wp:author> list: authors are known only by login.
  for (const login of creators) {
    if (!declaredLogins.has(login)) yield* valid(userFromLogin(login, { email: '', displayName: login, id: '' }, ctx));
  }

  // Pass 2: posts, pages and their comments; menus last.
  const menuTargets = new Set(menuItems.filter((i) => i.type === 'post_type').map((i) => i.objectId));
  const titles = new Map<string, string>();
  for await (const ev of readWxrElements(input, 2, totalBytes, options.onProgress)) {
    if (ev.type !== 'element' || ev.node.name !== 'item') continue;
    const type = field(ev.node, 'wp:post_type') || 'post';
    if (type === 'attachment' || type === 'wp_block' || type === 'nav_menu_item') continue;
    const id = field(ev.node, 'wp:post_id');
    let mapped: ReturnType<typeof mapItem>;
    try {
      mapped = mapItem(ev.node, ctx);
    } catch (err) {
      yield* valid(failed(ev.node, err));
      continue;
    }
    const ok = yield* valid(mapped.record, ev.node);
    if (!ok) continue;
    if (menuTargets.has(id) && mapped.record.kind !== 'skipped' && 'title' in mapped.record) titles.set(id, String(mapped.record.title));
    for (const comment of mapped.comments) yield* valid(comment, ev.node);
  }
  for (const menu of buildMenus(menus, menuItems, ctx, titles)) yield* valid(menu);
}

function failed(node: XNode, err: unknown): ImportRecordInput {
  const message = err instanceof Error ? err.message : String(err);
  return {
    kind: 'skipped',
    source: 'wordpress',
    originalId: field(node, 'wp:post_id') || `line-${node.line}`,
    what: field(node, 'wp:post_type') || 'item',
    title: textFromHtml(text(node, 'title')),
    reason: `It could not be converted: ${message.slice(0, 500)}`,
    notes: [],
  };
}

/** Validates a record; an invalid one (a converter bug) becomes a skipped record instead of stopping the import. */
function* valid(record: ImportRecordInput, node?: XNode): Generator<ImportRecord, boolean> {
  const parsed = importRecordSchema.safeParse(record);
  if (parsed.success) {
    yield parsed.data;
    return true;
  }
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid record';
  yield importRecordSchema.parse({
    kind: 'skipped',
    source: 'wordpress',
    originalId: 'originalId' in record ? record.originalId : `line-${node?.line ?? 0}`,
    what: record.kind,
    title: 'title' in record ? String(record.title ?? '') : '',
    reason: `It could not be converted (${where}).`,
    notes: [],
  });
  return false;
}
