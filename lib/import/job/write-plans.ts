import 'server-only';
import { db } from '@/lib/db';
import type { PlanRecord } from '@/lib/import/records';
import { decide, type ImportContext } from './context';
import { tally } from './report';

/**
 * A story plan, its assignee, section and article mapped to what the import made of them. An
 * article that already has another plan here keeps it: this plan then arrives unlinked.
 */
export async function writePlan(ctx: ImportContext, r: PlanRecord, fingerprint: string): Promise<void> {
  const d = await decide(ctx, 'plan', r.originalId, fingerprint);
  if (d.state === 'unchanged') return tally(ctx.report, 'plan', 'unchanged');
  if (ctx.dryRun) return tally(ctx.report, 'plan', d.state === 'new' ? 'imported' : 'updated');
  try {
    await db.$transaction(async (tx) => {
      const [assigneeId, sectionId, articleId] = await Promise.all([
        ctx.ledger.id('user', r.assigneeOriginalId, tx),
        ctx.ledger.id('section', r.sectionOriginalId, tx),
        ctx.ledger.id('post', r.postOriginalId, tx),
      ]);
      const existing = d.state === 'changed' && d.entityId ? await tx.storyPlan.findUnique({ where: { id: d.entityId }, select: { id: true } }) : null;
      const taken = articleId ? await tx.storyPlan.findUnique({ where: { articleId }, select: { id: true } }) : null;
      const data = {
        headline: r.headline,
        notes: r.planNotes,
        status: r.status,
        targetWords: r.targetWords,
        dueAt: r.dueAt ? new Date(r.dueAt) : null,
        assigneeId,
        sectionId,
        articleId: taken && taken.id !== existing?.id ? null : articleId,
      };
      const row = existing
        ? await tx.storyPlan.update({ where: { id: existing.id }, data, select: { id: true } })
        : await tx.storyPlan.create({ data: { ...data, createdById: ctx.actor.id, ...(r.createdAt ? { createdAt: new Date(r.createdAt) } : {}) }, select: { id: true } });
      await ctx.ledger.remember(tx, 'plan', r.originalId, { entityId: row.id, fingerprint, entityVersion: null });
    });
  } catch (e) {
    ctx.ledger.forget();
    throw e;
  }
  tally(ctx.report, 'plan', d.state === 'new' ? 'imported' : 'updated');
}
