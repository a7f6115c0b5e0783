import 'server-only';
import { currentApiKey } from '@/lib/api-keys/context';
import { hasRole, type Role } from '@/lib/auth/roles';
import { db, type Db } from '@/lib/db';
import { AppError } from '@/lib/errors';

type Tx = Pick<Db, 'auditLog'>;

/**
 * Records who did what to which entity; call inside the mutation's transaction. A change made
 * through the admin API also names its key (`data.apiKey`), beside the user the key acts as.
 */
export async function recordAudit(tx: Tx, entry: { actorId: string | null; action: string; entityType: string; entityId: string; summary?: string; data?: object }) {
  const apiKey = currentApiKey();
  const data = apiKey ? { ...entry.data, apiKey } : entry.data;
  await tx.auditLog.create({ data: { ...entry, summary: entry.summary ?? '', data: data ?? undefined } });
}

export const AUDIT_PAGE_SIZE = 50;

export type AuditEntry = {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  createdAt: Date;
  /** The actor's name, or "System" for the scheduler and other unattended work. */
  actorName: string;
};

/** The audit log, newest first, filtered and paginated; editors and admins only. */
export async function listAuditLog(
  query: { entityType?: string; action?: string; actorId?: string; page: number },
  viewer: { role: Role },
): Promise<{ entries: AuditEntry[]; total: number; pages: number }> {
  if (!hasRole(viewer.role, 'EDITOR')) throw new AppError('forbidden', 'Only editors and admins can read the audit log.');
  const where = {
    ...(query.entityType ? { entityType: query.entityType } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.actorId === 'system' ? { actorId: null } : query.actorId ? { actorId: query.actorId } : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, action: true, entityType: true, entityId: true, summary: true, createdAt: true, actor: { select: { name: true } } },
    }),
    db.auditLog.count({ where }),
  ]);
  return {
    entries: rows.map(({ actor, ...r }) => ({ ...r, actorName: actor?.name ?? 'System' })),
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}

/** The values the audit log's filters offer: entity types, actions and actors that occur. */
export async function listAuditFilterOptions(viewer: { role: Role }) {
  if (!hasRole(viewer.role, 'EDITOR')) throw new AppError('forbidden', 'Only editors and admins can read the audit log.');
  const [types, actions, actors] = await Promise.all([
    db.auditLog.groupBy({ by: ['entityType'], orderBy: { entityType: 'asc' } }),
    db.auditLog.groupBy({ by: ['action'], orderBy: { action: 'asc' } }),
    db.user.findMany({ where: { auditLogs: { some: {} } }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ]);
  return { entityTypes: types.map((t) => t.entityType), actions: actions.map((a) => a.action), actors };
}
