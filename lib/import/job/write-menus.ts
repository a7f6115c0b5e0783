import 'server-only';
import { articlePath, authorPath } from '@/lib/articles/urls';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { MenuItem, MenuRecord } from '@/lib/import/records';
import { saveMenu } from '@/lib/menus';
import { describeMenuIssue, saveMenuSchema, type MenuLocation } from '@/lib/validation/menus';
import { decide, type ImportContext } from './context';
import { note, tally } from './report';

// Menus (WordPress nav menus, Ghost navigation) are saved through the menu editor's own domain
// function (lib/menus saveMenu). A menu goes where the source put it (Ghost: header/footer);
// otherwise the first menu becomes the header. Links to sections, tags and pages point at what
// the import made of them; posts and authors become links to their addresses; the rest keeps
// its URL. Broadsheet menus have one level of sub-links: deeper links move up under their
// top-level ancestor, and the report says so. An editor's menu is never overwritten.

type Link = { label: string; kind: 'section' | 'page' | 'tag' | 'url'; targetId: string | null; url: string | null };

async function linkOf(ctx: ImportContext, item: MenuItem): Promise<Link | null> {
  const label = item.label.trim();
  const target = item.targetOriginalId;
  if (target && (item.type === 'section' || item.type === 'tag' || item.type === 'page')) {
    const targetId = (await ctx.ledger.id(item.type, target)) ?? (item.type === 'tag' ? await ctx.ledger.id('tag', `category:${target}`) : null);
    if (targetId) return { label, kind: item.type, targetId, url: null };
  }
  if (target && item.type === 'post') {
    const id = await ctx.ledger.id('post', target);
    const article = id ? await db.article.findUnique({ where: { id }, select: { slug: true } }) : null;
    if (article) return { label, kind: 'url', targetId: null, url: articlePath(article.slug) };
  }
  if (target && item.type === 'author') {
    const id = await ctx.ledger.id('user', target);
    const user = id ? await db.user.findUnique({ where: { id }, select: { slug: true } }) : null;
    if (user) return { label, kind: 'url', targetId: null, url: authorPath(user.slug) };
  }
  return item.url ? { label, kind: 'url', targetId: null, url: item.url } : null;
}

/** The links, one level deep: a link deeper than that goes under its top-level ancestor. */
async function menuItems(ctx: ImportContext, r: MenuRecord) {
  const byId = new Map(r.items.map((i) => [i.originalId, i]));
  const topOf = (i: MenuItem): MenuItem => {
    let cur = i;
    for (let n = 0; cur.parentOriginalId && byId.has(cur.parentOriginalId) && n < r.items.length; n++) cur = byId.get(cur.parentOriginalId)!;
    return cur;
  };
  const tops = new Map<string, Link & { children: Link[] }>();
  for (const item of [...r.items].sort((a, b) => a.order - b.order)) {
    const link = await linkOf(ctx, item);
    if (!link) {
      note(ctx.report, 'menu link left out', `${r.name}: “${item.label}” links to something that was not imported`);
      continue;
    }
    const top = topOf(item);
    if (top === item) tops.set(item.originalId, { ...link, children: [] });
    else {
      if (item.parentOriginalId !== top.originalId) note(ctx.report, 'menu link moved up a level', `${r.name}: “${item.label}” (menus have one level of sub-links)`);
      const parent = tops.get(top.originalId);
      if (parent) parent.children.push(link);
      else tops.set(item.originalId, { ...link, children: [] });
    }
  }
  return [...tops.values()];
}

export async function writeMenu(ctx: ImportContext, r: MenuRecord, fingerprint: string): Promise<void> {
  const placed = ctx.menusPlaced;
  const skip = (reason: string) => tally(ctx.report, 'menu', 'skipped', { id: r.originalId, title: r.name, reason });
  const location: MenuLocation | null = r.location ?? (placed.has('header') ? null : 'header');
  if (!location || placed.has(location)) return skip(`Another menu of this export is already the ${location ?? 'header'} menu; add its links at /admin/menus.`);
  placed.add(location);
  const d = await decide(ctx, 'menu', r.originalId, fingerprint);
  if (d.state === 'unchanged') return tally(ctx.report, 'menu', 'unchanged');
  const current = await db.menu.findUnique({ where: { location }, select: { id: true, version: true } });
  const ours = current && d.state === 'changed' && d.entityId === current.id && d.entityVersion === current.version;
  if (current && !ours) return skip(`The ${location} menu was changed in Broadsheet; it was left as it is.`);
  const items = await menuItems(ctx, r);
  const parsed = saveMenuSchema.safeParse({ location, version: current?.version ?? 0, items });
  if (!parsed.success) return skip(describeMenuIssue(parsed.error, items));
  const outcome = current ? 'updated' : 'imported';
  if (ctx.dryRun) return tally(ctx.report, 'menu', outcome);
  try {
    const saved = await saveMenu({ ...parsed.data, importSource: ctx.source, importId: r.originalId }, ctx.actor);
    const menu = await db.menu.findUniqueOrThrow({ where: { location }, select: { id: true } });
    await ctx.ledger.remember(db, 'menu', r.originalId, { entityId: menu.id, fingerprint, entityVersion: saved.version });
    tally(ctx.report, 'menu', outcome);
  } catch (e) {
    if (e instanceof AppError && (e.code === 'conflict' || e.code === 'unprocessable')) return skip(e.message);
    throw e;
  }
}
