import 'server-only';
import { authenticateApiKey, type AuthenticatedApiKey } from '@/lib/api-keys';
import { pageTags } from '@/lib/cache';
import { lastInvalidated } from '@/lib/cache/shared.mjs';

// Every content API request checks its key. The answer is kept in memory for a short while, so a
// cached response costs no database read at all; revoking a key invalidates `api-keys` on every
// instance (lib/cache/shared.mjs), so the next request with it is refused at once.

const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

type Memo = Map<string, { value: Promise<AuthenticatedApiKey | null>; loadedAt: number }>;
const g = globalThis as { broadsheetApiKeyMemo?: Memo };
const memo: Memo = (g.broadsheetApiKeyMemo ??= new Map());

/** authenticateApiKey, from memory while the answer is under 30 s old and no key was revoked since. */
export function authenticateApiKeyCached(raw: string): Promise<AuthenticatedApiKey | null> {
  const now = Date.now();
  const hit = memo.get(raw);
  if (hit && now - hit.loadedAt < TTL_MS && lastInvalidated([pageTags.apiKeys]) < hit.loadedAt) return hit.value;
  const entry = { value: authenticateApiKey(raw), loadedAt: now };
  memo.delete(raw);
  memo.set(raw, entry);
  if (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value!);
  // A failed check is not remembered: the next request asks again.
  entry.value.catch(() => {
    if (memo.get(raw) === entry) memo.delete(raw);
  });
  return entry.value;
}
