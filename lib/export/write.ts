import 'server-only';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { db } from '@/lib/db';
import { getStorage } from '@/lib/media/driver';
import { getSite } from '@/lib/site';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportArticle, type ExportArticleNote, type ExportComment, type ExportPlan } from './format';
import { endTar, writeTarEntry } from './tar';

// Writes the whole site as one Broadsheet JSON file (lib/export/format.ts), streamed in batches
// so memory stays flat whatever the size, and the media originals into `<file>.media.tar`.

/** `includeNotes`: the inline notes of articles too (left out unless asked: they are the newsroom's discussions). */
export type ExportOptions = { withPersonalData?: boolean; includeNotes?: boolean; siteUrl?: string | null; onProgress?: (section: string, count: number) => void };
export type ExportSummary = { file: string; mediaArchive: string | null; counts: Record<string, number> };

const BATCH = 500;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
/** Settings fields that are secrets (API keys of integrations) stay behind. */
const SECRET_FIELD = /secret|token|password|api_?key/i;

async function put(out: Writable, text: string) {
  if (!out.write(text)) await once(out, 'drain');
}

/** Pages through a table by id, in batches. */
async function* batches<T extends { id: string }>(read: (after: string | null) => Promise<T[]>): AsyncGenerator<T[]> {
  let after: string | null = null;
  for (;;) {
    const rows = await read(after);
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
    if (rows.length < BATCH) return;
  }
}
const page = (after: string | null) => ({ take: BATCH, orderBy: { id: 'asc' as const }, ...(after ? { cursor: { id: after }, skip: 1 } : {}) });

function stripSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSecrets);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !SECRET_FIELD.test(k))
        .map(([k, v]) => [k, stripSecrets(v)]),
    );
  return value;
}

const articleSelect = {
  id: true,
  title: true,
  slug: true,
  standfirst: true,
  status: true,
  publishedAt: true,
  scheduledAt: true,
  createdAt: true,
  updatedAt: true,
  sectionId: true,
  heroImageId: true,
  socialImageId: true,
  seoTitle: true,
  seoDescription: true,
  canonicalUrl: true,
  sticky: true,
  commentsOpen: true,
  bodyJson: true,
  bodyHtml: true,
  authors: { select: { userId: true }, orderBy: { position: 'asc' as const } },
  tags: { select: { tagId: true } },
} as const;

/** Writes the export to `file` (and the media archive beside it). Callers check who may export. */
export async function exportSite(file: string, opts: ExportOptions = {}): Promise<ExportSummary> {
  const counts: Record<string, number> = {};
  const mediaCount = await db.media.count();
  const mediaArchive = mediaCount ? `${path.basename(file)}.media.tar` : null;
  const out = createWriteStream(file);
  const site = await getSite();
  const head = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    site: { name: site.name, url: opts.siteUrl ?? null },
    withPersonalData: !!opts.withPersonalData,
    mediaArchive,
  };
  await put(out, JSON.stringify(head).slice(0, -1));

  async function section<T>(name: string, rows: AsyncIterable<T[]> | Iterable<T[]>, map: (row: T) => unknown) {
    await put(out, `,${JSON.stringify(name)}:[`);
    let n = 0;
    for await (const batch of rows) {
      // One write a batch: a write per row costs more than the row's JSON.
      let text = '';
      for (const row of batch) text += (n++ ? ',' : '') + JSON.stringify(map(row));
      await put(out, text);
      opts.onProgress?.(name, n);
    }
    await put(out, ']');
    counts[name] = n;
  }

  const settings = await db.setting.findMany({ orderBy: { key: 'asc' } });
  await section('settings', [settings], (s) => ({ key: s.key, value: stripSecrets(s.value) }));
  await section(
    'users',
    batches((after) => db.user.findMany({ ...page(after), select: { id: true, name: true, email: true, slug: true, role: true, bio: true, avatarUrl: true, deactivatedAt: true, createdAt: true } })),
    (u) => ({ id: u.id, name: u.name, email: u.email, slug: u.slug, role: u.role, bio: u.bio, avatarUrl: u.avatarUrl, active: !u.deactivatedAt, createdAt: u.createdAt.toISOString() }),
  );
  await section('sections', [await db.section.findMany({ orderBy: { position: 'asc' } })], (s) => ({ id: s.id, name: s.name, slug: s.slug, description: s.description, position: s.position }));
  await section(
    'tags',
    batches((after) => db.tag.findMany(page(after))),
    (t) => ({ id: t.id, name: t.name, slug: t.slug, description: t.description }),
  );

  const archive = mediaArchive ? createWriteStream(path.join(path.dirname(file), mediaArchive)) : null;
  const storage = getStorage();
  await section(
    'media',
    batches((after) => db.media.findMany(page(after))),
    (m) => ({
      id: m.id,
      filename: m.filename,
      mimeType: m.mimeType,
      width: m.width,
      height: m.height,
      alt: m.alt,
      caption: m.caption,
      credit: m.credit,
      createdAt: m.createdAt.toISOString(),
      file: m.storageKey,
    }),
  );
  if (archive) {
    for await (const batch of batches((after) => db.media.findMany({ ...page(after), select: { id: true, storageKey: true, createdAt: true } }))) {
      for (const m of batch) {
        const object = await storage.get(m.storageKey);
        if (object) await writeTarEntry(archive, m.storageKey, object.body, m.createdAt);
      }
    }
    await endTar(archive);
    archive.end();
    await once(archive, 'finish');
  }

  await section(
    'articles',
    batches((after) => db.article.findMany({ ...page(after), select: articleSelect })),
    (a): ExportArticle => ({
      id: a.id,
      title: a.title,
      slug: a.slug,
      standfirst: a.standfirst,
      status: a.status,
      publishedAt: iso(a.publishedAt),
      scheduledAt: iso(a.scheduledAt),
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
      authorIds: a.authors.map((x) => x.userId),
      sectionId: a.sectionId,
      tagIds: a.tags.map((t) => t.tagId),
      heroImageId: a.heroImageId,
      seo: { title: a.seoTitle, description: a.seoDescription, canonicalUrl: a.canonicalUrl, socialImageId: a.socialImageId },
      sticky: a.sticky,
      commentsOpen: a.commentsOpen,
      body: { json: a.bodyJson, html: a.bodyHtml },
    }),
  );
  await section(
    'comments',
    // Parents before replies: by creation time, then id.
    batches((after) => db.comment.findMany({ ...page(after) })),
    (c): ExportComment => ({
      id: c.id,
      articleId: c.articleId,
      parentId: c.parentId,
      status: c.status,
      authorName: c.authorName,
      ...(opts.withPersonalData ? { authorEmail: c.authorEmail, ipHash: c.ipHash } : {}),
      authorUrl: c.authorUrl,
      userId: c.userId,
      body: c.body,
      createdAt: c.createdAt.toISOString(),
    }),
  );
  await section(
    'plans',
    batches((after) => db.storyPlan.findMany(page(after))),
    (p): ExportPlan => ({
      id: p.id,
      headline: p.headline,
      notes: p.notes,
      status: p.status,
      targetWords: p.targetWords,
      dueAt: iso(p.dueAt),
      assigneeId: p.assigneeId,
      sectionId: p.sectionId,
      articleId: p.articleId,
      createdAt: p.createdAt.toISOString(),
    }),
  );
  if (opts.includeNotes) {
    await section(
      'notes',
      batches((after) =>
        db.articleNote.findMany({
          ...page(after),
          select: {
            id: true,
            articleId: true,
            quote: true,
            resolvedAt: true,
            authorId: true,
            createdAt: true,
            messages: { orderBy: { createdAt: 'asc' }, select: { authorId: true, body: true, createdAt: true } },
          },
        }),
      ),
      (n): ExportArticleNote => ({
        id: n.id,
        articleId: n.articleId,
        quote: n.quote,
        resolved: n.resolvedAt !== null,
        authorId: n.authorId,
        createdAt: n.createdAt.toISOString(),
        messages: n.messages.map((m) => ({ authorId: m.authorId, body: m.body, createdAt: m.createdAt.toISOString() })),
      }),
    );
  }
  await section(
    'redirects',
    batches((after) => db.redirect.findMany(page(after))),
    (r) => ({ fromPath: r.fromPath, toPath: r.toPath, statusCode: r.statusCode }),
  );
  await put(out, '}\n');
  out.end();
  await once(out, 'finish');
  return { file, mediaArchive: mediaArchive ? path.join(path.dirname(file), mediaArchive) : null, counts };
}
