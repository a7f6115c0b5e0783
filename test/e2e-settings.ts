// Settings the e2e server starts with (run by scripts/e2e-server.ts after the seed, under
// --conditions=react-server): tests fill the comment form within a second of loading it, so the
// too-fast threshold starts at 0; e2e/comments.spec.ts raises it through the settings page to
// prove the rule, then puts it back. It also creates the accounts of the sign-in security specs.
import { hashPassword } from '@/lib/auth/password';
import { db } from '@/lib/db';
import { getCommentSettings, saveCommentSettings } from '@/lib/settings/comments';
import { E2E_PASSWORD, E2E_USERS } from './e2e-users';

await saveCommentSettings({ ...(await getCommentSettings()), minSeconds: 0 }, null);

const passwordHash = await hashPassword(E2E_PASSWORD);
for (const [key, u] of Object.entries(E2E_USERS)) {
  await db.user.upsert({ where: { email: u.email }, create: { ...u, slug: `${key}-e2e`, passwordHash }, update: {} });
}
await db.$disconnect();
