import 'server-only';
import { authenticateApiKey, type AuthenticatedApiKey } from '@/lib/api-keys';
import { pageTags } from '@/lib/cache';
import { tagMemo } from '@/lib/cache/memo';

// Every content API request checks its key. The answer is kept in memory for a short while, so a
// cached response costs no database read at all; revoking a key invalidates `api-keys` on every
// instance (lib/cache/shared.mjs), so the next request with it is refused at once.

const remembered = tagMemo<string, AuthenticatedApiKey | null>({ tags: () => [pageTags.apiKeys], ttlMs: 30_000, max: 10_000, global: 'broadsheetApiKeyMemo' });

/** authenticateApiKey, from memory while the answer is under 30 s old and no key was revoked since. */
export function authenticateApiKeyCached(raw: string): Promise<AuthenticatedApiKey | null> {
  return remembered(raw, () => authenticateApiKey(raw));
}
