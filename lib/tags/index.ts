import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/db';

export type TagSummary = { id: string; name: string; slug: string; description: string | null };

/** A tag by its public slug; shared by generateMetadata and the page through cache(). */
export const getTagBySlug = cache(async (slug: string): Promise<TagSummary | null> => {
  return db.tag.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, description: true } });
});
