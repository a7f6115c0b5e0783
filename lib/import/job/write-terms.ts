import 'server-only';
import { db } from '@/lib/db';
import type { SectionRecord, TagRecord, TermRef, UserRecord } from '@/lib/import/records';
import { decide, type ImportContext } from './context';
import type { LedgerKind } from './ledger';
import { addOldPathRedirects } from './redirects';
import { tally } from './report';
import { authorPath, sectionPath, tagPath } from '@/lib/articles/urls';
import { freeSlug } from '@/lib/slug';

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * Authors become inactive users with no password and the Author role, until an admin invites
 * them; their bylines are kept. A user whose email is already here is linked, not duplicated.
 */
export async function writeUser(ctx: ImportContext, r: UserRecord, fingerprint: string): Promise<void> {
  const d = await decide(ctx, 'user', r.originalId, fingerprint);
  if (d.state === 'unchanged') return tally(ctx.report, 'user', 'unchanged');
  if (ctx.dryRun) return tally(ctx.report, 'user', d.state === 'new' ? 'imported' : 'updated');
  const email = r.email || `${r.slug}@imported.invalid`;
  await db.$transaction(async (tx) => {
    let id = d.state === 'changed' ? d.entityId : null;
    if (id) await tx.user.update({ where: { id }, data: { name: r.displayName, bio: r.bio, avatarUrl: r.avatarUrl } });
    else {
      id = (await tx.user.findUnique({ where: { email }, select: { id: true } }))?.id ?? null;
      id ??= (
        await tx.user.create({
          data: {
            name: r.displayName,
            email,
            slug: await freeSlug(r.slug, async (s) => !!(await tx.user.findUnique({ where: { slug: s }, select: { id: true } }))),
            passwordHash: '',
            role: 'AUTHOR',
            bio: r.bio,
            avatarUrl: r.avatarUrl,
            deactivatedAt: new Date(),
          },
          select: { id: true },
        })
      ).id;
    }
    const slug = (await tx.user.findUniqueOrThrow({ where: { id }, select: { slug: true } })).slug;
    await addOldPathRedirects(tx, r.oldPaths, authorPath(slug));
    await ctx.ledger.remember(tx, 'user', r.originalId, { entityId: id, fingerprint, entityVersion: null });
  });
  tally(ctx.report, 'user', d.state === 'new' ? 'imported' : 'updated');
}

type Term = { kind: 'section' | 'tag'; originalId: string; name: string; slug: string; description: string | null; oldPaths: string[] };

/** Finds (by slug) or creates a section or tag; a changed source renames it. Returns its id. */
async function upsertTerm(tx: Tx, t: Term, existingId: string | null): Promise<string> {
  if (t.kind === 'section') {
    if (existingId) return (await tx.section.update({ where: { id: existingId }, data: { name: t.name, description: t.description }, select: { id: true } })).id;
    const found = await tx.section.findUnique({ where: { slug: t.slug }, select: { id: true } });
    if (found) return found.id;
    const position = ((await tx.section.aggregate({ _max: { position: true } }))._max.position ?? 0) + 1;
    return (await tx.section.create({ data: { name: t.name, slug: t.slug, description: t.description, position }, select: { id: true } })).id;
  }
  if (existingId) return (await tx.tag.update({ where: { id: existingId }, data: { name: t.name, description: t.description }, select: { id: true } })).id;
  return (await tx.tag.upsert({ where: { slug: t.slug }, update: {}, create: { name: t.name, slug: t.slug, description: t.description }, select: { id: true } })).id;
}

async function writeTerm(ctx: ImportContext, t: Term, fingerprint: string): Promise<void> {
  const d = await decide(ctx, t.kind, t.originalId, fingerprint);
  if (d.state === 'unchanged') return tally(ctx.report, t.kind, 'unchanged');
  if (ctx.dryRun) return tally(ctx.report, t.kind, d.state === 'new' ? 'imported' : 'updated');
  await db.$transaction(async (tx) => {
    const id = await upsertTerm(tx, t, d.state === 'changed' ? d.entityId : null);
    const slug =
      t.kind === 'section' ? (await tx.section.findUniqueOrThrow({ where: { id }, select: { slug: true } })).slug : (await tx.tag.findUniqueOrThrow({ where: { id }, select: { slug: true } })).slug;
    await addOldPathRedirects(tx, t.oldPaths, t.kind === 'section' ? sectionPath(slug) : tagPath(slug));
    await ctx.ledger.remember(tx, t.kind, t.originalId, { entityId: id, fingerprint, entityVersion: null });
  });
  tally(ctx.report, t.kind, d.state === 'new' ? 'imported' : 'updated');
}

export const writeSection = (ctx: ImportContext, r: SectionRecord, fp: string) => writeTerm(ctx, { ...r, kind: 'section' }, fp);
export const writeTag = (ctx: ImportContext, r: TagRecord, fp: string) => writeTerm(ctx, { ...r, kind: 'tag' }, fp);

/**
 * The section or tag a post refers to: the one an earlier record made, else found by slug or
 * created (a Ghost primary tag becomes a section; a post's second category becomes a tag).
 */
export async function ensureTerm(ctx: ImportContext, tx: Tx, ref: TermRef, as: 'section' | 'tag'): Promise<string> {
  const kind: LedgerKind = as;
  const originalId = as === 'tag' && ref.taxonomy === 'category' ? `category:${ref.originalId}` : ref.originalId;
  const known = await ctx.ledger.id(kind, originalId, tx);
  if (known) return known;
  const id = await upsertTerm(tx, { kind: as, originalId, name: ref.name, slug: ref.slug, description: null, oldPaths: [] }, null);
  await ctx.ledger.remember(tx, kind, originalId, { entityId: id, fingerprint: '', entityVersion: null });
  return id;
}
