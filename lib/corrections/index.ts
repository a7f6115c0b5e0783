import 'server-only';
import { publishedOnly } from '@/lib/articles/access';
import { hasRole } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit';
import { invalidateCorrections } from '@/lib/cache';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { StaffUser } from '@/lib/users';
import { CORRECTION_KIND_LABELS, type AddCorrectionInput, type CorrectionKind } from '@/lib/validation/corrections';
import { articleEventData, enqueueWebhookEvent } from '@/lib/webhooks/events';

// Corrections, clarifications and updates published on articles. Append-only: a note is never
// deleted, only withdrawn (kept, marked, audited). Adding one moves the article's "Updated" time.

export type PublicCorrection = { id: string; kind: CorrectionKind; label: string; note: string; createdAt: Date; withdrawnAt: Date | null };
export type EditorCorrection = PublicCorrection & { version: number; diffHref: string | null };

const noteSelect = { id: true, kind: true, note: true, createdAt: true, withdrawnAt: true, version: true } as const;
const toPublic = (n: { id: string; kind: CorrectionKind; note: string; createdAt: Date; withdrawnAt: Date | null }): PublicCorrection => ({
  id: n.id,
  kind: n.kind,
  label: CORRECTION_KIND_LABELS[n.kind],
  note: n.note,
  createdAt: n.createdAt,
  withdrawnAt: n.withdrawnAt,
});

function requireEditor(actor: StaffUser) {
  if (!hasRole(actor.role, 'EDITOR')) throw new AppError('forbidden', 'Only editors can add or withdraw notes on articles.');
}

/** Adds a note to a published article, dated now; the article's updated time follows. */
export async function addCorrection(input: AddCorrectionInput, actor: StaffUser): Promise<PublicCorrection> {
  requireEditor(actor);
  const now = new Date();
  const note = await db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: input.articleId }, select: { id: true, slug: true, title: true, status: true, publishedAt: true, version: true } });
    if (!article) throw new AppError('not_found', 'This article no longer exists.');
    if (article.status !== 'PUBLISHED') throw new AppError('conflict', 'Notes can be added only to published articles.');
    const created = await tx.articleCorrection.create({ data: { articleId: article.id, kind: input.kind, note: input.note, version: article.version, createdAt: now }, select: noteSelect });
    await tx.article.update({ where: { id: article.id }, data: { updatedAt: now } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'article.corrected',
      entityType: 'article',
      entityId: article.id,
      summary: article.title,
      data: { correctionId: created.id, kind: input.kind, note: input.note },
    });
    const data = articleEventData({ ...article, updatedAt: now });
    await enqueueWebhookEvent(tx, 'article.corrected', { ...data, correction: { id: created.id, kind: created.kind, note: created.note, createdAt: now.toISOString() } });
    return created;
  });
  await invalidateCorrections(input.articleId);
  return toPublic(note);
}

/** Marks a note withdrawn; it stays on the record (and on the page, marked). */
export async function withdrawCorrection(articleId: string, correctionId: string, actor: StaffUser): Promise<PublicCorrection> {
  requireEditor(actor);
  const note = await db.$transaction(async (tx) => {
    const found = await tx.articleCorrection.findFirst({ where: { id: correctionId, articleId }, select: { ...noteSelect, article: { select: { title: true } } } });
    if (!found) throw new AppError('not_found', 'This note does not exist on this article.');
    if (found.withdrawnAt) return found;
    const withdrawnAt = new Date();
    await tx.articleCorrection.update({ where: { id: found.id }, data: { withdrawnAt } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'article.correction_withdrawn',
      entityType: 'article',
      entityId: articleId,
      summary: found.article.title,
      data: { correctionId, note: found.note },
    });
    return { ...found, withdrawnAt };
  });
  await invalidateCorrections(articleId);
  return toPublic(note);
}

/** An article's notes for its public page, oldest first (withdrawn ones included, marked). */
export async function listArticleCorrections(articleId: string): Promise<PublicCorrection[]> {
  const rows = await db.articleCorrection.findMany({ where: { articleId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: noteSelect });
  return rows.map(toPublic);
}

/** An article's notes for its editor, newest first, each linked to the revision diff of the change it describes. */
export async function listCorrectionsForEditor(articleId: string, actor: StaffUser): Promise<EditorCorrection[]> {
  requireEditor(actor);
  const rows = await db.articleCorrection.findMany({ where: { articleId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: noteSelect });
  const versions = [...new Set(rows.flatMap((r) => [r.version, r.version - 1]))];
  const revisions = versions.length ? await db.articleRevision.findMany({ where: { articleId, version: { in: versions } }, orderBy: { createdAt: 'desc' }, select: { id: true, version: true } }) : [];
  const revisionOf = new Map<number, string>();
  for (const r of revisions) if (!revisionOf.has(r.version)) revisionOf.set(r.version, r.id);
  return rows.map((r) => {
    const to = revisionOf.get(r.version);
    const from = revisionOf.get(r.version - 1);
    return { ...toPublic(r), version: r.version, diffHref: to && from ? `/admin/articles/${articleId}/revisions?from=${from}&to=${to}` : null };
  });
}

export type CorrectionsColumnEntry = PublicCorrection & { article: { title: string; slug: string } };

/** The public corrections column: corrections and clarifications on published articles, newest first. */
export async function listCorrectionsColumn(take = 100): Promise<CorrectionsColumnEntry[]> {
  const rows = await db.articleCorrection.findMany({
    where: { kind: { in: ['CORRECTION', 'CLARIFICATION'] }, withdrawnAt: null, article: publishedOnly() },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    select: { ...noteSelect, article: { select: { title: true, slug: true } } },
  });
  return rows.map((r) => ({ ...toPublic(r), article: r.article }));
}

/** Standing (not withdrawn) notes of several articles, oldest first per article: for feeds. */
export async function listStandingCorrections(articleIds: string[]): Promise<Map<string, PublicCorrection[]>> {
  const rows = articleIds.length
    ? await db.articleCorrection.findMany({ where: { articleId: { in: articleIds }, withdrawnAt: null }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { ...noteSelect, articleId: true } })
    : [];
  const byArticle = new Map<string, PublicCorrection[]>();
  for (const r of rows) byArticle.set(r.articleId, [...(byArticle.get(r.articleId) ?? []), toPublic(r)]);
  return byArticle;
}

/** A feed item's description: the standfirst, then each standing note with its date. */
export function describeWithCorrections(standfirst: string, notes: PublicCorrection[] = []): string {
  return [standfirst, ...notes.map((n) => `${n.label} (${n.createdAt.toISOString().slice(0, 10)}): ${n.note}`)].filter(Boolean).join('\n\n');
}
