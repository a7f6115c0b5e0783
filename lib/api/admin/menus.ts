import 'server-only';
import type { AdminMenu } from '@/lib/api/admin-schemas';
import { getMenusForEdit, saveMenu } from '@/lib/menus';
import type { EditableLink } from '@/lib/menus/tree';
import type { StaffUser } from '@/lib/users';
import type { PutAdminMenuInput } from '@/lib/validation/admin-api';
import type { MenuLocation } from '@/lib/validation/menus';

// The admin API's menus: the menu editor's own load and save (lib/menus), so a menu replaced
// over HTTP is checked, versioned, audited and refreshed on the site exactly as in /admin/menus.

const link = (l: EditableLink) => ({ label: l.label, kind: l.kind, targetId: l.kind === 'url' ? null : l.targetId || null, url: l.kind === 'url' ? l.url || null : null });

/** A menu with its links and version (0: never saved, the header then lists the sections). */
export async function getAdminMenu(location: MenuLocation, user: StaffUser): Promise<AdminMenu> {
  const menu = (await getMenusForEdit(user))[location];
  return { location, version: menu.version, items: menu.items.map((i) => ({ ...link(i), children: i.children.map(link) })) };
}

/** PUT: replaces the whole menu, from `version` (If-Match; "0" for a menu never saved). */
export async function putAdminMenu(location: MenuLocation, version: number, input: PutAdminMenuInput, user: StaffUser): Promise<AdminMenu> {
  await saveMenu({ location, version, items: input.items }, user);
  return getAdminMenu(location, user);
}
