import { z } from 'zod';
import { formId } from '@/lib/validation/form';

// Menus (/admin/menus): the header and footer navigation, saved whole. Shared by the menu
// editor in the browser and the server, and by the importer (WordPress / Ghost menus).

export const MENU_LOCATIONS = ['header', 'footer'] as const;
export const menuLocationSchema = z.enum(MENU_LOCATIONS, { error: 'Choose the header or the footer menu.' });
export type MenuLocation = z.infer<typeof menuLocationSchema>;

export const MENU_ITEM_KINDS = ['section', 'page', 'tag', 'url'] as const;
export const MENU_LIMITS = { items: 60, label: 60, url: 500 } as const;

/** An external link (http/https) or a path on this site; never javascript: or data: URLs. */
const linkUrl = z
  .string()
  .trim()
  .max(MENU_LIMITS.url, `Keep the link under ${MENU_LIMITS.url} characters.`)
  .refine(
    (v) => /^\/(?!\/)[^\s]*$/.test(v) || (URL.canParse(v) && ['http:', 'https:', 'mailto:'].includes(new URL(v).protocol)),
    'Give a web address (https://…), an email link (mailto:…) or a path on this site (/…).',
  );

const itemFields = {
  /** Empty for a section, page or tag: the link shows its name, and follows renames. */
  label: z.string().trim().max(MENU_LIMITS.label, `Keep labels under ${MENU_LIMITS.label} characters.`).default(''),
  kind: z.enum(MENU_ITEM_KINDS, { error: 'Choose what the link points to: a section, a page, a tag or a web address.' }),
  /** The section, page or tag linked to. */
  targetId: z.preprocess((v) => (v === '' ? null : v), formId.nullable().default(null)),
  url: z.preprocess((v) => (v === '' ? null : v), linkUrl.nullable().default(null)),
};

const checkTarget = (v: { label: string; kind: string; targetId: string | null; url: string | null }, ctx: z.RefinementCtx) => {
  if (v.kind === 'url' && !v.label) ctx.addIssue({ code: 'custom', path: ['label'], message: 'Give the link a label.' });
  if (v.kind === 'url' && !v.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'Give the web address this link opens.' });
  if (v.kind !== 'url' && !v.targetId) ctx.addIssue({ code: 'custom', path: ['targetId'], message: `Choose the ${v.kind} this link opens.` });
};

/** A link under another one: no further level (Broadsheet menus have one level of nesting). */
export const menuChildSchema = z
  .strictObject(itemFields, {
    error: (issue) => (issue.code === 'unrecognized_keys' && issue.keys.includes('children') ? 'Menus have one level of nesting: a link under another cannot have links of its own.' : undefined),
  })
  .superRefine(checkTarget);
export const menuItemInputSchema = z.object({ ...itemFields, children: z.array(menuChildSchema).default([]) }).superRefine(checkTarget);
export type MenuItemInput = z.output<typeof menuItemInputSchema>;

const countItems = (items: { children: unknown[] }[]) => items.reduce((n, i) => n + 1 + i.children.length, 0);

/** A whole menu as saved: its links in order, each with its sub-links, and the version it was loaded at. */
export const saveMenuSchema = z.object({
  location: menuLocationSchema,
  /** 0 when the menu was never saved. */
  version: z.coerce.number().int().min(0),
  items: z.array(menuItemInputSchema).refine((items) => countItems(items) <= MENU_LIMITS.items, `A menu holds at most ${MENU_LIMITS.items} links.`),
});
export type SaveMenuInput = z.output<typeof saveMenuSchema>;

/** The menu editor's form: the items travel as JSON in one hidden field. */
export const saveMenuFormSchema = z.object({
  location: menuLocationSchema,
  version: z.string(),
  items: z.string().max(200_000, 'The menu is too large.'),
});

/** One readable message for the first problem, naming the link ("Link 3 (“Weather”): …"). */
export function describeMenuIssue(error: z.ZodError, items: unknown): string {
  const issue = error.issues[0]!;
  if (issue.path[0] !== 'items' || typeof issue.path[1] !== 'number') return issue.message;
  const list = Array.isArray(items) ? items : [];
  const top = list[issue.path[1]] as { label?: unknown; children?: unknown[] } | undefined;
  const child = issue.path[2] === 'children' && typeof issue.path[3] === 'number' ? (top?.children?.[issue.path[3]] as { label?: unknown } | undefined) : undefined;
  const where = child ? `Link ${issue.path[1] + 1}.${(issue.path[3] as number) + 1}` : `Link ${issue.path[1] + 1}`;
  const label = (child ?? top)?.label;
  return `${where}${typeof label === 'string' && label.trim() ? ` (“${label.trim()}”)` : ''}: ${issue.message}`;
}
