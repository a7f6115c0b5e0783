import 'server-only';
import { cache } from 'react';
import { hasRole } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit';
import { pagePath, sectionPath, tagPath } from '@/lib/articles/urls';
import { invalidateMenu } from '@/lib/cache';
import { db } from '@/lib/db';
import { AppError, StaleVersionError } from '@/lib/errors';
import type { EditableItem } from '@/lib/menus/tree';
import { listSections } from '@/lib/sections';
import type { StaffUser } from '@/lib/users';
import { MENU_LOCATIONS, type MenuItemInput, type MenuLocation, type SaveMenuInput } from '@/lib/validation/menus';

// Menus: the header and footer navigation of the public site. Editors and admins edit them;
// a save replaces the whole menu under its version (a stale save is refused), and refreshes
// exactly the cached pages that show that menu (tag `menu:<location>`, on every instance).

export type MenuLink = { label: string; href: string; children: { label: string; href: string }[] };

const itemSelect = {
  id: true,
  parentId: true,
  position: true,
  label: true,
  kind: true,
  url: true,
  sectionId: true,
  pageId: true,
  tagId: true,
  section: { select: { slug: true, name: true } },
  page: { select: { slug: true, title: true, status: true, publishedAt: true } },
  tag: { select: { slug: true, name: true } },
} as const;
type ItemRow = {
  id: string;
  parentId: string | null;
  position: number;
  label: string;
  kind: string;
  url: string | null;
  sectionId: string | null;
  pageId: string | null;
  tagId: string | null;
  section: { slug: string; name: string } | null;
  page: { slug: string; title: string; status: string; publishedAt: Date | null } | null;
  tag: { slug: string; name: string } | null;
};

/** The link's own label, else the name of what it opens (so renames follow). */
const labelOf = (row: ItemRow) => row.label || row.section?.name || row.page?.title || row.tag?.name || row.url || '';

function assertMenuEditor(user: StaffUser) {
  if (!hasRole(user.role, 'EDITOR')) throw new AppError('forbidden', 'Only editors and admins can change menus.');
}

/** The public address of a link, or null when it leads nowhere a reader may go (an unpublished page). */
function hrefOf(row: ItemRow, now: Date): string | null {
  if (row.kind === 'section') return row.section ? sectionPath(row.section.slug) : null;
  if (row.kind === 'tag') return row.tag ? tagPath(row.tag.slug) : null;
  if (row.kind === 'page') return row.page && row.page.status === 'PUBLISHED' && row.page.publishedAt && row.page.publishedAt <= now ? pagePath(row.page.slug) : null;
  return row.url;
}

async function loadRows(location: MenuLocation) {
  const menu = await db.menu.findUnique({ where: { location }, select: { id: true, version: true, items: { orderBy: [{ position: 'asc' }, { id: 'asc' }], select: itemSelect } } });
  return menu;
}

/** A menu as readers see it, or null when it was never saved (the layout then shows the sections). */
export const getPublicMenu = cache(async (location: MenuLocation, now = new Date()): Promise<MenuLink[] | null> => {
  const menu = await loadRows(location);
  if (!menu) return null;
  const top = menu.items.filter((i) => !i.parentId);
  return top.flatMap((item) => {
    const href = hrefOf(item, now);
    if (!href) return [];
    const children = menu.items.filter((c) => c.parentId === item.id).flatMap((c) => ((h) => (h ? [{ label: labelOf(c), href: h }] : []))(hrefOf(c, now)));
    return [{ label: labelOf(item), href, children }];
  });
});

/** Until a header menu is saved, the header links every section in navigation order (as before menus existed). */
export async function sectionMenu(): Promise<MenuLink[]> {
  return (await listSections()).map((s) => ({ label: s.name, href: sectionPath(s.slug), children: [] }));
}

const toEditable = (row: ItemRow) => ({ key: row.id, label: row.label, kind: row.kind as EditableItem['kind'], targetId: row.sectionId ?? row.pageId ?? row.tagId ?? '', url: row.url ?? '' });

/** Both menus as the editor loads them: their links (with ids as keys) and versions (0: never saved). */
export async function getMenusForEdit(user: StaffUser): Promise<Record<MenuLocation, { version: number; items: EditableItem[] }>> {
  assertMenuEditor(user);
  const entries = await Promise.all(
    MENU_LOCATIONS.map(async (location) => {
      const menu = await loadRows(location);
      const rows = menu?.items ?? [];
      const items = rows.filter((r) => !r.parentId).map((r) => ({ ...toEditable(r), children: rows.filter((c) => c.parentId === r.id).map(toEditable) }));
      return [location, { version: menu?.version ?? 0, items }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<MenuLocation, { version: number; items: EditableItem[] }>;
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** Every section, page and tag a link names must exist: a link to nothing is refused, not saved. */
async function assertTargetsExist(tx: Tx, items: MenuItemInput[]) {
  const all = items.flatMap((i) => [i, ...i.children]);
  const ids = (kind: string) => [...new Set(all.filter((i) => i.kind === kind).map((i) => i.targetId!))];
  const [sections, pages, tags] = await Promise.all([
    tx.section.findMany({ where: { id: { in: ids('section') } }, select: { id: true } }),
    tx.page.findMany({ where: { id: { in: ids('page') } }, select: { id: true } }),
    tx.tag.findMany({ where: { id: { in: ids('tag') } }, select: { id: true } }),
  ]);
  const found = new Set([...sections, ...pages, ...tags].map((r) => r.id));
  const missing = all.find((i) => i.kind !== 'url' && !found.has(i.targetId!));
  if (missing)
    throw new AppError('unprocessable', `“${missing.label}” links to a ${missing.kind} that no longer exists; choose another.`, {
      items: [`“${missing.label}” links to a ${missing.kind} that no longer exists.`],
    });
}

const targetOf = (i: { kind: string; targetId: string | null; url: string | null }) => ({
  sectionId: i.kind === 'section' ? i.targetId : null,
  pageId: i.kind === 'page' ? i.targetId : null,
  tagId: i.kind === 'tag' ? i.targetId : null,
  url: i.kind === 'url' ? i.url : null,
});

/**
 * Saves a whole menu: its links in order, one level of sub-links. `version` is the version the
 * editor loaded (0 for a menu never saved); if anyone saved since, the save is refused.
 * `importSource`/`importId` mark a menu an import brought in.
 */
export async function saveMenu(input: SaveMenuInput & { importSource?: string; importId?: string }, user: StaffUser): Promise<{ version: number }> {
  assertMenuEditor(user);
  const { location, items } = input;
  const saved = await db.$transaction(async (tx) => {
    await assertTargetsExist(tx, items);
    const current = await tx.menu.findUnique({ where: { location }, select: { id: true, version: true } });
    if ((current?.version ?? 0) !== input.version) {
      throw new StaleVersionError(
        `Someone else saved the ${location} menu while you were editing (it is now at version ${current?.version ?? 0}, you started from version ${input.version}). Reload to see their changes.`,
        current?.version ?? 0,
      );
    }
    const name = location === 'header' ? 'Header' : 'Footer';
    const imported = input.importSource ? { importSource: input.importSource, importId: input.importId ?? null } : {};
    let menuId: string;
    if (!current) {
      menuId = (await tx.menu.create({ data: { location, name, version: 1, ...imported }, select: { id: true } })).id;
    } else {
      const r = await tx.menu.updateMany({ where: { id: current.id, version: input.version }, data: { version: { increment: 1 }, ...imported } });
      if (r.count === 0) throw new StaleVersionError(`Someone else saved the ${location} menu while you were editing. Reload to see their changes.`, input.version + 1);
      menuId = current.id;
      await tx.menuItem.deleteMany({ where: { menuId } });
    }
    for (const [position, item] of items.entries()) {
      const parent = await tx.menuItem.create({ data: { menuId, position, label: item.label, kind: item.kind, ...targetOf(item) }, select: { id: true } });
      for (const [childPosition, child] of item.children.entries()) {
        await tx.menuItem.create({ data: { menuId, parentId: parent.id, position: childPosition, label: child.label, kind: child.kind, ...targetOf(child) } });
      }
    }
    const version = input.version + 1;
    await recordAudit(tx, {
      actorId: user.id,
      action: 'menu.saved',
      entityType: 'menu',
      entityId: menuId,
      summary: `${name} menu`,
      data: { version, links: items.reduce((n, i) => n + 1 + i.children.length, 0) },
    });
    return { version };
  });
  await invalidateMenu(location);
  return saved;
}
