import 'server-only';
import type { Db } from '@/lib/db';

type Tx = Pick<Db, 'auditLog'>;

/** Records who did what to which entity; call inside the mutation's transaction. */
export async function recordAudit(
  tx: Tx,
  entry: { actorId: string | null; action: string; entityType: string; entityId: string; summary?: string; data?: object },
) {
  await tx.auditLog.create({ data: { ...entry, summary: entry.summary ?? '', data: entry.data ?? undefined } });
}
