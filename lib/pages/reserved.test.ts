import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isReservedTopLevelName, RESERVED_TOP_LEVEL_NAMES } from './reserved';
import { savePageFormSchema } from '@/lib/validation/static-pages';

const APP = path.resolve(__dirname, '../../app');
// Metadata files Next turns into root URLs: app/robots.ts answers /robots.txt, and so on.
const METADATA_FILES: Record<string, string> = {
  robots: 'robots.txt',
  sitemap: 'sitemap.xml',
  manifest: 'manifest.webmanifest',
  favicon: 'favicon.ico',
  icon: 'icon',
  'apple-icon': 'apple-icon',
  'opengraph-image': 'opengraph-image',
};

/** Every top-level URL segment the app answers, with route groups "(name)" flattened. */
function topLevelRoutes(dir = APP): string[] {
  const names: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (/^\(.+\)$/.test(entry.name)) names.push(...topLevelRoutes(path.join(dir, entry.name)));
      else if (!entry.name.startsWith('[') && !entry.name.startsWith('_')) names.push(entry.name);
    } else {
      const base = entry.name.replace(/\.(tsx?|jsx?)$/, '');
      if (METADATA_FILES[base]) names.push(METADATA_FILES[base]);
    }
  }
  return names;
}

describe('reserved top-level names', () => {
  it('include every top-level route under app/, so a page can never shadow one', () => {
    const routes = topLevelRoutes();
    expect(routes).toEqual(expect.arrayContaining(['admin', 'api', 'articles', 'login', 'search', 'rss.xml', 'sitemap.xml', 'robots.txt']));
    const missing = routes.filter((r) => !isReservedTopLevelName(r));
    expect(missing, `add ${missing.join(', ')} to RESERVED_TOP_LEVEL_NAMES`).toEqual([]);
  });

  it('are refused as page slugs with a message saying why', () => {
    for (const slug of ['admin', 'articles', 'tags', 'search', 'preview']) {
      const r = savePageFormSchema.safeParse({ intent: 'save', title: 'About', slug });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]).toMatchObject({ path: ['slug'], message: `"/${slug}" is one of the site's own addresses; choose another slug for this page.` });
    }
    expect(RESERVED_TOP_LEVEL_NAMES).toContain('sitemap.xml');
  });

  it('leave ordinary slugs alone', () => {
    expect(isReservedTopLevelName('about')).toBe(false);
    expect(savePageFormSchema.safeParse({ intent: 'save', title: 'About', slug: 'about' }).success).toBe(true);
    expect(savePageFormSchema.safeParse({ intent: 'save', title: 'About', slug: 'About Us' }).error?.issues[0]?.path).toEqual(['slug']);
  });
});
