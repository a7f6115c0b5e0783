import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/db';

export type SectionSummary = { id: string; name: string; slug: string };

/** Sections in navigation order. */
export const listSections = cache(async (): Promise<SectionSummary[]> => {
  return db.section.findMany({ orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { id: true, name: true, slug: true } });
});

export const getSectionBySlug = cache(async (slug: string) => {
  return db.section.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, description: true } });
});
