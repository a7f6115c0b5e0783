import 'server-only';
import type { ImportNote, ImportRecordInput, MenuItem } from './records';
import { absoluteUrl, parentsFirst, textFromHtml } from './text';
import type { WxrContext } from './wordpress-map';
import { children, field, metaOf, text, type XNode } from './wxr-xml';

// WordPress nav menus: nav_menu_item posts are kept until the end of the file (menus are small)
// and built into menu records once the posts and pages they point at have been read.

export type WxrMenuItem = { id: string; menuSlug: string; order: number; title: string; type: string; object: string; objectId: string; parentId: string; url: string; target: string; line: number };

/** A nav_menu_item kept until the end of the file (menus are small). Drafts and items without a menu are dropped. */
export function readMenuItem(item: XNode): WxrMenuItem | null {
  if (field(item, 'wp:status') === 'draft') return null;
  const menuSlug = children(item, 'category').find((c) => c.attrs.domain === 'nav_menu')?.attrs.nicename;
  if (!menuSlug) return null;
  const meta = metaOf(item, 'wp:postmeta');
  const get = (k: string) => (meta.get(k) ?? '').trim();
  return {
    id: field(item, 'wp:post_id'),
    menuSlug,
    order: Number.parseInt(field(item, 'wp:menu_order'), 10) || 0,
    title: textFromHtml(text(item, 'title')),
    type: get('_menu_item_type'),
    object: get('_menu_item_object'),
    objectId: get('_menu_item_object_id'),
    parentId: get('_menu_item_menu_item_parent'),
    url: get('_menu_item_url'),
    target: get('_menu_item_target'),
    line: item.line,
  };
}

/** Menus from their terms and buffered items; `titles` has the titles of the posts and pages they link to. */
export function buildMenus(menus: Map<string, { termId: string; name: string }>, items: WxrMenuItem[], ctx: WxrContext, titles: Map<string, string>): ImportRecordInput[] {
  const slugs = [...new Set([...menus.keys(), ...items.map((i) => i.menuSlug)])];
  return slugs.map((slug) => {
    const notes: ImportNote[] = [];
    const own = items.filter((i) => i.menuSlug === slug).sort((a, b) => a.order - b.order);
    const ids = new Set(own.map((i) => i.id));
    const out: MenuItem[] = [];
    for (const i of own) {
      let type: MenuItem['type'] = 'url';
      let target: string | null = null;
      let url: string | null = null;
      let label = i.title;
      if (i.type === 'taxonomy') {
        const term = ctx.terms.get(i.objectId);
        type = i.object === 'category' ? 'section' : i.object === 'post_tag' ? 'tag' : 'url';
        target = term && type !== 'url' ? term.slug : null;
        label ||= term?.name ?? '';
        if (!target) {
          notes.push({ code: 'menu-item-dropped', message: `"${label || i.id}" links to a ${i.object} term that is not in the export.` });
          continue;
        }
      } else if (i.type === 'post_type') {
        type = i.object === 'page' ? 'page' : i.object === 'post' ? 'post' : 'url';
        target = type === 'url' ? null : i.objectId;
        label ||= titles.get(i.objectId) ?? '';
        if (!target) {
          notes.push({ code: 'menu-item-dropped', message: `"${label || i.id}" links to a ${i.object}, which is not imported.` });
          continue;
        }
      } else {
        url = i.url ? absoluteUrl(i.url, ctx.blogUrl) : null;
        if (!url) {
          notes.push({ code: 'menu-item-dropped', message: `"${label || i.id}" has no address.` });
          continue;
        }
      }
      out.push({
        originalId: i.id,
        parentOriginalId: i.parentId && i.parentId !== '0' && ids.has(i.parentId) ? i.parentId : null,
        order: i.order,
        label: label || url || '',
        type,
        targetOriginalId: target,
        url,
        openInNewTab: i.target === '_blank',
      });
    }
    const ordered = parentsFirst(out);
    const menu = menus.get(slug);
    if (!menu) notes.push({ code: 'menu-without-term', message: `The menu "${slug}" is named by its items only.` });
    notes.push({ code: 'menu-location-unknown', message: 'WordPress exports do not say where a menu was shown (header, footer); choose its place after the import.' });
    return { kind: 'menu', source: 'wordpress', originalId: slug, name: menu?.name || slug, slug, location: null, items: ordered, notes } satisfies ImportRecordInput;
  });
}
