import 'server-only';
import { JSONParser } from '@streamparser/json';
import type { BlockNode, BodyDoc } from '@/lib/articles/body-schema';
import { bodyDocSchema } from '@/lib/articles/body-schema';
import {
  EXPORT_FORMAT,
  exportArticleSchema,
  exportCommentSchema,
  exportMediaSchema,
  exportPlanSchema,
  exportSectionSchema,
  exportTagSchema,
  exportUserSchema,
  type ExportArticle,
} from '@/lib/export/format';
import { ImportFormatError, inputSize, readText } from './input';
import { importRecordSchema, type BodyImageRef, type ImportInput, type ImportRecord, type ImportRecordInput, type ReaderOptions } from './records';

// Reads a Broadsheet export (lib/export/format.ts) into import records, streamed in two passes:
//   pass 1 the header, sections and redirects (small), so every item knows its old addresses;
//   pass 2 users, tags, media, articles, comments and story plans as they are parsed, replies after
//   their parents. Inline notes (only in exports made with them) are not imported: their anchors
//   point into shared documents that do not travel.
// Media files come from the archive beside the export, extracted and given as --media-dir.

type Row = Record<string, unknown>;
const ITEMS = ['users', 'sections', 'tags', 'media', 'articles', 'comments', 'plans', 'redirects'];

async function* readItems(input: ImportInput, names: string[], pass: 1 | 2, total: number | null, options: ReaderOptions): AsyncGenerator<{ name: string; row: Row }> {
  const parser = new JSONParser({ paths: [...names.map((n) => `$.${n}.*`), '$.format', '$.version'], keepStack: false });
  const queue: { name: string; row: Row }[] = [];
  parser.onValue = ({ value, key, stack }) => {
    if (key === 'format' || key === 'version') queue.push({ name: String(key), row: { value } });
    else if (value && typeof value === 'object' && !Array.isArray(value)) queue.push({ name: String(stack[stack.length - 1]?.key), row: value as Row });
  };
  try {
    for await (const chunk of readText(input, pass, total, options.onProgress)) {
      parser.write(chunk);
      yield* queue.splice(0);
    }
  } catch (err) {
    throw new ImportFormatError(`This Broadsheet export could not be read as JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  yield* queue.splice(0);
}

/** Image nodes point at placeholders (`imp<old media id>`) the job swaps for the new library ids. */
function bodyWithImageRefs(doc: BodyDoc): { doc: BodyDoc; images: BodyImageRef[] } {
  const images: BodyImageRef[] = [];
  const walk = (blocks: BlockNode[]): BlockNode[] =>
    blocks.map((b): BlockNode => {
      if (b.type === 'image') {
        const key = `imp${b.attrs.mediaId}`.slice(0, 40);
        images.push({ key, url: null, attachmentId: b.attrs.mediaId, mediaId: b.attrs.mediaId, relativePath: null, alt: b.attrs.alt, caption: b.attrs.caption, credit: b.attrs.credit });
        return { ...b, attrs: { ...b.attrs, mediaId: key } };
      }
      if (b.type === 'blockquote') return { ...b, content: walk(b.content) };
      if (b.type === 'bulletList' || b.type === 'orderedList') return { ...b, content: b.content.map((li) => ({ ...li, content: walk(li.content) })) };
      return b;
    });
  return { doc: { type: 'doc', content: walk(doc.content) }, images };
}

function articleRecord(a: ExportArticle, terms: Map<string, { name: string; slug: string }>, oldPaths: string[]): ImportRecordInput {
  const body = bodyWithImageRefs(bodyDocSchema.parse(a.body.json));
  const ref = (id: string, taxonomy: 'category' | 'tag') => {
    const t = terms.get(id);
    return t ? { originalId: id, name: t.name, slug: t.slug, taxonomy } : null;
  };
  const archived = a.status === 'ARCHIVED';
  return {
    kind: 'post',
    source: 'broadsheet',
    originalId: a.id,
    notes: archived ? [{ code: 'archived', message: `"${a.title}" was archived; it arrives as a draft.` }] : [],
    originalUrl: null,
    oldPaths,
    title: a.title,
    slug: a.slug,
    originalSlug: a.slug,
    status: a.status === 'ARCHIVED' ? 'DRAFT' : a.status,
    originalStatus: a.status,
    draftReason: archived ? 'unknown-status' : null,
    publishedAt: a.publishedAt,
    scheduledAt: a.scheduledAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    authorIds: a.authorIds,
    section: a.sectionId ? ref(a.sectionId, 'category') : null,
    tags: a.tagIds.flatMap((id) => ref(id, 'tag') ?? []),
    standfirst: a.standfirst,
    seo: {
      title: a.seo.title,
      description: a.seo.description,
      canonicalUrl: a.seo.canonicalUrl,
      ogTitle: null,
      ogDescription: null,
      ogImageUrl: null,
      twitterTitle: null,
      twitterDescription: null,
      twitterImageUrl: null,
    },
    featuredImage: a.heroImageId ? { url: null, attachmentId: a.heroImageId, relativePath: null, alt: '', caption: '', credit: '' } : null,
    sticky: a.sticky,
    commentsOpen: a.commentsOpen,
    body: { ...body, report: { unknownShortcodes: {}, removed: {}, simplified: {} } },
    parentOriginalId: null,
    menuOrder: 0,
  };
}

/** Reads a Broadsheet JSON export. Throws ImportFormatError when the file is not one. */
export async function* readBroadsheet(input: ImportInput, options: ReaderOptions = {}): AsyncGenerator<ImportRecord> {
  const total = await inputSize(input);
  const redirectsTo = new Map<string, string[]>();
  const terms = new Map<string, { name: string; slug: string }>();
  const sections: Row[] = [];
  let format: unknown = null;
  for await (const { name, row } of readItems(input, ['sections', 'redirects'], 1, total, options)) {
    if (name === 'format') format = row.value;
    else if (name === 'sections') sections.push(row);
    else if (name === 'redirects' && typeof row.fromPath === 'string' && typeof row.toPath === 'string') redirectsTo.set(row.toPath, [...(redirectsTo.get(row.toPath) ?? []), row.fromPath]);
  }
  if (format !== EXPORT_FORMAT) throw new ImportFormatError('This is not a Broadsheet export: it has no "format": "broadsheet-export".');
  const old = (path: string) => redirectsTo.get(path) ?? [];
  const valid = function* (r: ImportRecordInput): Generator<ImportRecord> {
    const parsed = importRecordSchema.safeParse(r);
    if (parsed.success) yield parsed.data;
    else yield { kind: 'warning', source: 'broadsheet', message: `An item (${r.kind} ${'originalId' in r ? r.originalId : ''}) was not imported: ${parsed.error.issues[0]?.message}`, line: null };
  };
  const base = { source: 'broadsheet' as const, notes: [] };
  yield { kind: 'site', source: 'broadsheet', title: '', description: '', url: null, language: null, formatVersion: '1' };
  for (const row of sections) {
    const s = exportSectionSchema.safeParse(row);
    if (!s.success) continue;
    terms.set(s.data.id, s.data);
    yield* valid({
      kind: 'section',
      ...base,
      originalId: s.data.id,
      name: s.data.name,
      slug: s.data.slug,
      description: s.data.description,
      parentOriginalId: null,
      oldPaths: old(`/sections/${s.data.slug}`),
    });
  }
  const seenComments = new Set<string>();
  const waiting = new Map<string, ImportRecordInput[]>();
  function* comment(r: ImportRecordInput & { kind: 'comment' }): Generator<ImportRecord> {
    yield* valid(r);
    seenComments.add(r.originalId);
    for (const child of waiting.get(r.originalId) ?? []) yield* comment(child as ImportRecordInput & { kind: 'comment' });
    waiting.delete(r.originalId);
  }
  for await (const { name, row } of readItems(
    input,
    ITEMS.filter((n) => n !== 'sections' && n !== 'redirects'),
    2,
    total,
    options,
  )) {
    if (name === 'users') {
      const u = exportUserSchema.safeParse(row);
      if (u.success)
        yield* valid({
          kind: 'user',
          ...base,
          originalId: u.data.id,
          login: u.data.email,
          email: u.data.email.toLowerCase(),
          displayName: u.data.name,
          slug: u.data.slug,
          bio: u.data.bio,
          website: null,
          avatarUrl: u.data.avatarUrl,
          originalRole: u.data.role,
          oldPaths: old(`/authors/${u.data.slug}`),
        });
    } else if (name === 'tags') {
      const t = exportTagSchema.safeParse(row);
      if (!t.success) continue;
      terms.set(t.data.id, t.data);
      yield* valid({ kind: 'tag', ...base, originalId: t.data.id, name: t.data.name, slug: t.data.slug, description: t.data.description, oldPaths: old(`/tags/${t.data.slug}`) });
    } else if (name === 'media') {
      const m = exportMediaSchema.safeParse(row);
      if (m.success)
        yield* valid({
          kind: 'media',
          ...base,
          originalId: m.data.id,
          url: m.data.file,
          relativePath: m.data.file,
          filename: m.data.filename,
          mimeType: m.data.mimeType,
          title: m.data.filename,
          alt: m.data.alt,
          caption: m.data.caption ?? '',
          description: '',
          parentOriginalId: null,
          createdAt: m.data.createdAt,
        });
    } else if (name === 'articles') {
      const a = exportArticleSchema.safeParse(row);
      if (a.success) yield* valid(articleRecord(a.data, terms, old(`/articles/${a.data.slug}`)));
      else
        yield {
          kind: 'skipped',
          ...base,
          originalId: String(row.id ?? '?'),
          what: 'post',
          title: String(row.title ?? ''),
          reason: `It does not match the export format: ${a.error.issues[0]?.message}`,
        };
    } else if (name === 'comments') {
      const c = exportCommentSchema.safeParse(row);
      if (!c.success) continue;
      const record = {
        kind: 'comment' as const,
        ...base,
        originalId: c.data.id,
        postOriginalId: c.data.articleId,
        parentOriginalId: c.data.parentId,
        status: c.data.status,
        type: 'comment' as const,
        originalType: 'comment',
        authorName: c.data.authorName,
        authorEmail: c.data.authorEmail ?? '',
        authorUrl: c.data.authorUrl,
        authorIp: null,
        userOriginalId: c.data.userId,
        body: c.data.body,
        createdAt: c.data.createdAt,
      };
      if (c.data.parentId && !seenComments.has(c.data.parentId)) waiting.set(c.data.parentId, [...(waiting.get(c.data.parentId) ?? []), record]);
      else yield* comment(record);
    } else if (name === 'plans') {
      const p = exportPlanSchema.safeParse(row);
      if (!p.success) continue;
      yield* valid({
        kind: 'plan',
        ...base,
        originalId: p.data.id,
        headline: p.data.headline,
        planNotes: p.data.notes,
        status: p.data.status,
        targetWords: p.data.targetWords,
        dueAt: p.data.dueAt,
        assigneeOriginalId: p.data.assigneeId,
        sectionOriginalId: p.data.sectionId,
        postOriginalId: p.data.articleId,
        createdAt: p.data.createdAt,
      });
    }
  }
  // Replies whose parent is not in the file: kept, at the top level.
  for (const list of waiting.values()) for (const r of list) yield* comment({ ...(r as ImportRecordInput & { kind: 'comment' }), parentOriginalId: null });
}
