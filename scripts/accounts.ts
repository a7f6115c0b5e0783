// Account commands for operators (run through scripts/db.ts):
//   npm run db:demo-accounts                     list the active demo accounts (@broadsheet.test)
//   npm run db:demo-accounts -- --deactivate     deactivate them all (a production start refuses to run while any is active)
//   npm run db:admin -- --email E --name "N"     create an admin with a one-time password, printed once
import { z } from 'zod';
import { createAdminAccount, deactivateDemoAccounts, listActiveDemoAccounts } from '@/lib/users/demo-accounts';

const [cmd, ...args] = process.argv.slice(2);
const opt = (f: string) => (args.includes(f) ? args[args.indexOf(f) + 1] : undefined);

async function main() {
  if (cmd === 'demo') {
    if (args.includes('--deactivate')) {
      const done = await deactivateDemoAccounts();
      console.log(done.length ? `Deactivated ${done.length} demo account(s): ${done.join(', ')}` : 'No active demo accounts.');
      return;
    }
    const active = await listActiveDemoAccounts();
    if (!active.length) return console.log('No active demo accounts.');
    console.log(`Active demo accounts (deactivate with: npm run db:demo-accounts -- --deactivate):`);
    for (const a of active) console.log(`  ${a.email} (${a.role.toLowerCase()})`);
    return;
  }
  if (cmd === 'admin') {
    const input = z
      .object({ email: z.email('Give a valid --email'), name: z.string().trim().min(1, 'Give a --name').max(100) })
      .parse({ email: opt('--email')?.trim().toLowerCase(), name: opt('--name') });
    const { password } = await createAdminAccount(input);
    console.log(`Admin ${input.email} created. One-time password (shown only now; change it at /admin/profile after signing in):\n\n  ${password}\n`);
    return;
  }
  throw new Error('Use: demo [--deactivate] | admin --email E --name N');
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    const message = e instanceof z.ZodError ? e.issues.map((i) => i.message).join('; ') : e instanceof Error ? e.message : String(e);
    console.error(`accounts ${cmd ?? ''}: ${message}`);
    process.exit(1);
  },
);
