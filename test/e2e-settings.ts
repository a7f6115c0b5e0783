// Settings the e2e server starts with (run by scripts/e2e-server.ts after the seed, under
// --conditions=react-server): tests fill the comment form within a second of loading it, so the
// too-fast threshold starts at 0; e2e/comments.spec.ts raises it through the settings page to
// prove the rule, then puts it back.
import { db } from '@/lib/db';
import { getCommentSettings, saveCommentSettings } from '@/lib/settings/comments';

await saveCommentSettings({ ...(await getCommentSettings()), minSeconds: 0 }, null);
await db.$disconnect();
