import 'server-only';
import crypto from 'node:crypto';
import { hashPassword } from '@/lib/auth/password';
import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { slugify } from '@/lib/slug';

/** The demo seed's accounts all live under this domain (their password is in the README). */
export const DEMO_DOMAIN = '@broadsheet.test';

/** What an operator runs to put a production database right (README: Production). */
export const DEMO_ACCOUNTS_FIX =
  'Create your own admin first if you have none: npm run db:admin -- --email you@example.com --name "Your Name" (prints a one-time password); ' +
  'then deactivate every demo account: npm run db:demo-accounts -- --deactivate (or deactivate them at /admin/users on a non-production start).';

/** Active accounts of the demo seed (`@broadsheet.test`), oldest first. */
export async function listActiveDemoAccounts(): Promise<{ id: string; email: string; role: string }[]> {
  return db.user.findMany({
    where: { email: { endsWith: DEMO_DOMAIN }, deactivatedAt: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true, email: true, role: true },
  });
}

/** Deactivates every active demo account (they can no longer sign in); audited. Returns their emails. */
export async function deactivateDemoAccounts(): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const rows = await tx.user.findMany({ where: { email: { endsWith: DEMO_DOMAIN }, deactivatedAt: null }, select: { id: true, email: true, name: true } });
    for (const u of rows) {
      await tx.user.update({ where: { id: u.id }, data: { deactivatedAt: new Date() } });
      await recordAudit(tx, { actorId: null, action: 'user.deactivated', entityType: 'user', entityId: u.id, summary: u.name, data: { by: 'demo-accounts command' } });
    }
    return rows.map((u) => u.email);
  });
}

/** Creates an admin with a random one-time password (returned): the way into a production site without demo accounts. */
export async function createAdminAccount(input: { email: string; name: string }): Promise<{ id: string; password: string }> {
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw new Error(`A user with the email ${input.email} already exists.`);
  const password = crypto.randomBytes(15).toString('base64url');
  const base = slugify(input.name) || 'admin';
  const taken = await db.user.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  const used = new Set(taken.map((t) => t.slug));
  let slug = base;
  for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
  const passwordHash = await hashPassword(password);
  const user = await db.$transaction(async (tx) => {
    const created = await tx.user.create({ data: { email: input.email, name: input.name, slug, role: 'ADMIN', passwordHash }, select: { id: true, name: true } });
    await recordAudit(tx, { actorId: null, action: 'user.created', entityType: 'user', entityId: created.id, summary: created.name, data: { role: 'ADMIN', by: 'admin command' } });
    return created;
  });
  return { id: user.id, password };
}

/**
 * A production server refuses to run while an active demo account exists (anyone who read the
 * README could sign in as its admin): it prints which accounts and how to fix it, and exits.
 * While the database cannot be reached it checks again every few seconds, and exits as soon as
 * it finds one; the server answers 503 to what needs the database meanwhile.
 */
export async function refuseDemoAccountsInProduction(exit: (code: number) => never = process.exit): Promise<void> {
  let active: { email: string }[];
  try {
    active = await listActiveDemoAccounts();
  } catch (e) {
    console.error(`Could not check for demo accounts yet (${e instanceof Error ? e.message.split('\n').pop() : e}); checking again in 5 s.`);
    setTimeout(() => void refuseDemoAccountsInProduction(exit), 5000).unref();
    return;
  }
  if (!active.length) return;
  console.error(
    `Broadsheet refuses to run in production while demo accounts are active: ${active.map((a) => a.email).join(', ')}.\n` +
      `Their password is published in the README, so anyone could sign in with them.\n${DEMO_ACCOUNTS_FIX}`,
  );
  exit(1);
}
