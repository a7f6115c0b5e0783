import { MenuEditor } from '@/components/admin/menus/menu-editor';
import { Panel } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageRole } from '@/lib/auth/session';
import { getMenusForEdit } from '@/lib/menus';
import { listPageChoices } from '@/lib/pages/queries';
import { listSections } from '@/lib/sections';
import { listTagsForAdmin } from '@/lib/tags';
import { saveMenuAction } from './actions';

export const metadata = { title: 'Menus' };

export default async function MenusPage() {
  const user = await requirePageRole('EDITOR', '/admin/menus');
  const [menus, sections, pages, tags] = await Promise.all([getMenusForEdit(user), listSections(), listPageChoices(), listTagsForAdmin(user)]);
  const choices = {
    section: sections.map((s) => ({ id: s.id, label: s.name })),
    page: pages.map((p) => ({ id: p.id, label: p.status === 'PUBLISHED' ? p.title : `${p.title} (not published: hidden until it is)` })),
    tag: tags.map((t) => ({ id: t.id, label: t.name })),
  };
  return (
    <>
      <PageHeader title="Menus" description="The links in the site’s header and footer, in order. A link can have sub-links, one level deep. Saving a menu updates every public page at once." />
      <div className="space-y-8">
        <Panel id="header-menu" title="Header menu">
          <MenuEditor location="header" title="Header menu" initial={menus.header} choices={choices} action={saveMenuAction} />
        </Panel>
        <Panel id="footer-menu" title="Footer menu">
          <MenuEditor location="footer" title="Footer menu" initial={menus.footer} choices={choices} action={saveMenuAction} />
        </Panel>
      </div>
    </>
  );
}
