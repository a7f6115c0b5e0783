import 'server-only';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { db } from '@/lib/db';
import { getStorage } from '@/lib/media/driver';
import { getSite } from '@/lib/site';

// A WordPress eXtended RSS 1.2 file of the site, for WordPress's own importer (Tools → Import →
// WordPress): authors, categories (sections), tags, images as attachments (their URLs on this
// site, which the importer downloads), articles as posts with their HTML, excerpt, status, dates,
// categories, tags, featured image, and comments with threading. Streamed in batches.

const BATCH = 200;
const cdata = (s: string | null | undefined) => `<![CDATA[${(s ?? '').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const pad = (n: number) => String(n).padStart(2, '0');
const sqlDate = (d: Date | null) =>
  d ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : '0000-00-00 00:00:00';
/** The same moment as `sqlDate`, on the site's clock: WordPress keeps both (post_date and post_date_gmt). */
function localDateFormat(timeZone: string) {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  return (d: Date | null) => {
    if (!d) return '0000-00-00 00:00:00';
    const p = Object.fromEntries(format.formatToParts(d).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
  };
}
const WP_STATUS: Record<string, string> = { PUBLISHED: 'publish', SCHEDULED: 'future', DRAFT: 'draft', IN_REVIEW: 'pending', ARCHIVED: 'private' };
const COMMENT_APPROVED: Record<string, string> = { APPROVED: '1', PENDING: '0', SPAM: 'spam', TRASH: 'trash' };

/** Writes the site as WXR 1.2 to `file`. `siteUrl` makes links and image addresses absolute; commenters' emails only with `withPersonalData`. Callers check who may export. */
export async function exportWxr(file: string, siteUrl: string, opts: { withPersonalData?: boolean } = {}): Promise<{ posts: number }> {
  const base = siteUrl.replace(/\/+$/, '');
  const out = createWriteStream(file);
  const put = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  const site = await getSite();
  const localDate = localDateFormat(site.timeZone);
  // WordPress wants numeric ids: each row gets one, in the order written.
  const ids = new Map<string, number>();
  const num = (id: string) => ids.get(id) ?? (ids.set(id, ids.size + 1), ids.size);
  await put(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>${esc(site.name)}</title><link>${esc(base)}</link><description>${esc(site.tagline)}</description><language>${esc(site.locale)}</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>${esc(base)}</wp:base_site_url><wp:base_blog_url>${esc(base)}</wp:base_blog_url>
`);
  const users = await db.user.findMany({ select: { id: true, slug: true, email: true, name: true }, orderBy: { createdAt: 'asc' } });
  const logins = new Map(users.map((u) => [u.id, u.slug]));
  for (const u of users)
    await put(
      `<wp:author><wp:author_id>${num(u.id)}</wp:author_id><wp:author_login>${cdata(u.slug)}</wp:author_login><wp:author_email>${cdata(u.email)}</wp:author_email><wp:author_display_name>${cdata(u.name)}</wp:author_display_name></wp:author>\n`,
    );
  const sections = await db.section.findMany({ orderBy: { position: 'asc' } });
  for (const s of sections)
    await put(
      `<wp:category><wp:term_id>${num(s.id)}</wp:term_id><wp:category_nicename>${cdata(s.slug)}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata(s.name)}</wp:cat_name><wp:category_description>${cdata(s.description)}</wp:category_description></wp:category>\n`,
    );
  for (const t of await db.tag.findMany({ orderBy: { slug: 'asc' } }))
    await put(`<wp:tag><wp:term_id>${num(t.id)}</wp:term_id><wp:tag_slug>${cdata(t.slug)}</wp:tag_slug><wp:tag_name>${cdata(t.name)}</wp:tag_name></wp:tag>\n`);
  const storage = getStorage();
  for (const m of await db.media.findMany({ select: { id: true, filename: true, storageKey: true, alt: true, caption: true, createdAt: true } })) {
    const url = storage.url(m.storageKey);
    await put(
      `<item><title>${cdata(m.filename)}</title><link>${esc(base)}/?attachment_id=${num(m.id)}</link><excerpt:encoded>${cdata(m.caption)}</excerpt:encoded><guid isPermaLink="false">${esc(base)}/?attachment_id=${num(m.id)}</guid><wp:post_id>${num(m.id)}</wp:post_id><wp:post_date>${cdata(localDate(m.createdAt))}</wp:post_date><wp:post_date_gmt>${cdata(sqlDate(m.createdAt))}</wp:post_date_gmt><wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type><wp:attachment_url>${cdata(url.startsWith('http') ? url : base + url)}</wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>${cdata(m.alt)}</wp:meta_value></wp:postmeta></item>\n`,
    );
  }
  const sectionsById = new Map(sections.map((s) => [s.id, s]));
  let after: string | null = null;
  let posts = 0;
  for (;;) {
    const batch: Awaited<ReturnType<typeof readArticles>> = await readArticles(after);
    if (!batch.length) break;
    for (const a of batch) {
      posts++;
      const section = a.sectionId ? sectionsById.get(a.sectionId) : null;
      const comments = a.comments
        .map(
          (c) =>
            `<wp:comment><wp:comment_id>${num(c.id)}</wp:comment_id><wp:comment_author>${cdata(c.authorName)}</wp:comment_author><wp:comment_author_email>${cdata(opts.withPersonalData ? c.authorEmail : '')}</wp:comment_author_email><wp:comment_author_url>${esc(c.authorUrl ?? '')}</wp:comment_author_url><wp:comment_date>${cdata(localDate(c.createdAt))}</wp:comment_date><wp:comment_date_gmt>${cdata(sqlDate(c.createdAt))}</wp:comment_date_gmt><wp:comment_content>${cdata(c.body)}</wp:comment_content><wp:comment_approved>${COMMENT_APPROVED[c.status]}</wp:comment_approved><wp:comment_type></wp:comment_type><wp:comment_parent>${c.parentId ? num(c.parentId) : 0}</wp:comment_parent></wp:comment>`,
        )
        .join('\n');
      await put(`<item><title>${cdata(a.title)}</title><link>${esc(base)}/articles/${a.slug}</link><dc:creator>${cdata(logins.get(a.authors[0]?.userId ?? '') ?? '')}</dc:creator><content:encoded>${cdata(a.bodyHtml)}</content:encoded><excerpt:encoded>${cdata(a.standfirst)}</excerpt:encoded>
<guid isPermaLink="false">${esc(base)}/articles/${a.slug}</guid>
<wp:post_id>${num(a.id)}</wp:post_id><wp:post_date>${cdata(localDate(a.publishedAt ?? a.scheduledAt ?? a.createdAt))}</wp:post_date><wp:post_date_gmt>${cdata(sqlDate(a.publishedAt ?? a.scheduledAt ?? a.createdAt))}</wp:post_date_gmt><wp:post_modified>${cdata(localDate(a.updatedAt))}</wp:post_modified><wp:post_modified_gmt>${cdata(sqlDate(a.updatedAt))}</wp:post_modified_gmt><wp:comment_status>${a.commentsOpen ? 'open' : 'closed'}</wp:comment_status><wp:ping_status>closed</wp:ping_status><wp:post_name>${cdata(a.slug)}</wp:post_name><wp:status>${WP_STATUS[a.status]}</wp:status><wp:post_type>post</wp:post_type><wp:is_sticky>${a.sticky ? 1 : 0}</wp:is_sticky>
${section ? `<category domain="category" nicename="${esc(section.slug)}">${cdata(section.name)}</category>` : ''}${a.tags.map((t) => `<category domain="post_tag" nicename="${esc(t.tag.slug)}">${cdata(t.tag.name)}</category>`).join('')}
${a.heroImageId ? `<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>${num(a.heroImageId)}</wp:meta_value></wp:postmeta>` : ''}
${comments}</item>\n`);
    }
    after = batch[batch.length - 1]!.id;
  }
  await put('</channel>\n</rss>\n');
  out.end();
  await once(out, 'finish');
  return { posts };
}

function readArticles(after: string | null) {
  return db.article.findMany({
    take: BATCH,
    orderBy: { id: 'asc' },
    ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    select: {
      id: true,
      title: true,
      slug: true,
      standfirst: true,
      bodyHtml: true,
      status: true,
      publishedAt: true,
      scheduledAt: true,
      createdAt: true,
      updatedAt: true,
      commentsOpen: true,
      sticky: true,
      sectionId: true,
      heroImageId: true,
      authors: { select: { userId: true }, orderBy: { position: 'asc' } },
      tags: { select: { tag: { select: { slug: true, name: true } } } },
      comments: { select: { id: true, parentId: true, status: true, authorName: true, authorEmail: true, authorUrl: true, body: true, createdAt: true }, orderBy: { createdAt: 'asc' } },
    },
  });
}
