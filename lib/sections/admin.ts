import 'server-only';
import { hasRole } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit';
import { invalidateSection } from '@/lib/cache';
import { db } from '@/lib/db';
import { AppError, assertVersion } from '@/lib/errors';
import { slugify } from '@/lib/slug';
import type { StaffUser } from '@/lib/users';

function assertEditor(actor: StaffUser) {
  if (!hasRole(actor.role, 'EDITOR')) throw new AppError('forbidden', 'Only editors and admins can manage sections and tags.');
}

/** Sections in navigation order, with their article counts, for the dashboard. */
export async function listSectionsForAdmin(actor: StaffUser) {
  assertEditor(actor);
  const rows = await db.section.findMany({
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, slug: true, description: true, position: true, version: true, _count: { select: { articles: true } } },
  });
  return rows.map(({ _count, ...s }) => ({ ...s, articleCount: _count.articles }));
}

/** Adds a section at the end of the navigation (on every public page). */
export async function createSection(input: { name: string; slug?: string; description: string | null }, actor: StaffUser) {
  assertEditor(actor);
  const slug = input.slug ?? slugify(input.name);
  const created = await db.$transaction(async (tx) => {
    if (await tx.section.findUnique({ where: { slug }, select: { id: true } })) {
      throw new AppError('conflict', 'A section with this slug already exists.', { slug: ['A section with this slug already exists.'] });
    }
    const last = await tx.section.findFirst({ orderBy: { position: 'desc' }, select: { position: true } });
    const section = await tx.section.create({
      data: { name: input.name, slug, description: input.description, position: (last?.position ?? -1) + 1 },
      select: { id: true, slug: true, version: true },
    });
    await recordAudit(tx, { actorId: actor.id, action: 'section.created', entityType: 'section', entityId: section.id, summary: input.name });
    return section;
  });
  await invalidateSection(created.id);
  return created;
}

/**
 * Renames and describes a section; its slug (and so its URL) stays. The name shows in the
 * navigation of every page. With `version` (the form's, or If-Match), refused if someone changed it meanwhile.
 */
export async function updateSection(input: { id: string; name: string; description: string | null; version?: number }, actor: StaffUser) {
  assertEditor(actor);
  const saved = await db.$transaction(async (tx) => {
    const current = await tx.section.findUnique({ where: { id: input.id }, select: { name: true, slug: true, version: true } });
    if (!current) throw new AppError('not_found', 'This section no longer exists.');
    assertVersion('section', current.version, input.version);
    // Conditional on the version read, so a change committed in between is refused, not overwritten.
    const { count } = await tx.section.updateMany({ where: { id: input.id, version: current.version }, data: { name: input.name, description: input.description, version: { increment: 1 } } });
    if (!count) assertVersion('section', current.version + 1, current.version);
    await recordAudit(tx, { actorId: actor.id, action: 'section.updated', entityType: 'section', entityId: input.id, summary: input.name, data: { from: current.name } });
    return { id: input.id, name: input.name, slug: current.slug, description: input.description, version: current.version + 1 };
  });
  await invalidateSection(input.id);
  return saved;
}

/** Moves a section one place up or down the navigation, renumbering positions 0..n-1. */
export async function moveSection(id: string, direction: 'up' | 'down', actor: StaffUser) {
  assertEditor(actor);
  const moved = await db.$transaction(async (tx) => {
    const all = await tx.section.findMany({ orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { id: true, name: true, position: true } });
    const i = all.findIndex((s) => s.id === id);
    if (i < 0) throw new AppError('not_found', 'This section no longer exists.');
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= all.length) return { name: all[i]!.name, position: i, changed: false };
    [all[i], all[j]] = [all[j]!, all[i]!];
    for (const [position, s] of all.entries()) {
      if (s.position !== position) await tx.section.update({ where: { id: s.id }, data: { position, version: { increment: 1 } } });
    }
    await recordAudit(tx, { actorId: actor.id, action: 'section.moved', entityType: 'section', entityId: id, summary: all[j]!.name, data: { from: i, to: j } });
    return { name: all[j]!.name, position: j, changed: true };
  });
  if (moved.changed) await invalidateSection(id);
  return { name: moved.name, position: moved.position };
}
