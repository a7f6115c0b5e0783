import { describe, expect, it } from 'vitest';
import { serverProcessEnv } from './server-process.ts';

describe('the server process environment', () => {
  it('limits malloc arenas and the V8 heap, keeping what the operator set', () => {
    expect(serverProcessEnv({})).toMatchObject({ MALLOC_ARENA_MAX: '2', NODE_OPTIONS: '--max-old-space-size=448' });
    expect(serverProcessEnv({ MALLOC_ARENA_MAX: '4', NODE_OPTIONS: '--enable-source-maps' })).toMatchObject({
      MALLOC_ARENA_MAX: '4',
      NODE_OPTIONS: '--enable-source-maps --max-old-space-size=448',
    });
    expect(serverProcessEnv({ NODE_OPTIONS: '--max-old-space-size=2048' }).NODE_OPTIONS).toBe('--max-old-space-size=2048');
    expect(serverProcessEnv({ SERVER_HEAP_MB: '1024' }).NODE_OPTIONS).toBe('--max-old-space-size=1024');
  });

  it('leaves room for a larger page cache', () => {
    expect(serverProcessEnv({ PAGE_CACHE_MEMORY_MB: '512' }).NODE_OPTIONS).toBe('--max-old-space-size=832');
  });
});
