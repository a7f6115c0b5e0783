import 'server-only';
import type { ContentRecord, MenuRecord } from '@/lib/import/records';
import type { ImportContext } from './context';
import { tally } from './report';

// The seam for static pages and navigation menus. The readers already map them (WordPress pages
// and nav_menu_item, Ghost pages and navigation settings) into `page` and `menu` records; until
// Broadsheet has its Page and Menu models they are reported as skipped. Wiring them is a matter
// of writing them here, through the page and menu domain functions, with the same ledger calls
// as write-posts.ts (decide → write in one transaction → rememberImported + old-path redirects).

export const PAGES_PENDING = 'Pages are imported once the Page model lands.';
export const MENUS_PENDING = 'Menus are imported once the Menu model lands.';

export async function writePage(ctx: ImportContext, r: ContentRecord): Promise<void> {
  tally(ctx.report, 'page', 'skipped', { id: r.originalId, title: r.title, reason: PAGES_PENDING });
}

export async function writeMenu(ctx: ImportContext, r: MenuRecord): Promise<void> {
  tally(ctx.report, 'menu', 'skipped', { id: r.originalId, title: r.name, reason: MENUS_PENDING });
}
