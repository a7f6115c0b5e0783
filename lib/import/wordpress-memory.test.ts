import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticWxr } from '@/test/fixtures/import/synthetic-wxr';

// The WXR reader streams: reading a generated 20,000-post export, the live heap stays near where
// it started (one item at a time) although the file and its records are many times larger. The
// reader runs in a child process with --expose-gc, so the figure is live memory rather than
// garbage, and with a small heap limit, so a reader that buffered the file would die, not swap.
// No timing is asserted (bench/ prints speeds).
const root = path.join(import.meta.dirname, '../..');
let dir: string | null = null;

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('readWordPress memory', () => {
  it('stays bounded on a generated 20,000-post file', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'wxr-memory-'));
    const file = path.join(dir, 'synthetic-20000.xml');
    const { bytes } = await writeSyntheticWxr(file, { posts: 20_000, commentsPerPost: 1, paragraphs: 2 });
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=128', '--conditions=react-server', '--import', 'tsx', 'test/helpers/read-export.ts', 'wordpress', file],
      { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    const result = JSON.parse(stdout.trim().split('\n').pop()!) as { counts: Record<string, number>; baseHeapMiB: number; peakHeapMiB: number; gcSampled: boolean };
    expect(result.counts).toMatchObject({ post: 20_000, comment: 20_000, media: 2_000 });
    expect(result.gcSampled).toBe(true);
    const fileMiB = bytes / 1048576;
    const growthMiB = result.peakHeapMiB - result.baseHeapMiB;
    // ~58 MiB of XML; holding the records would take several times that.
    expect(fileMiB).toBeGreaterThan(40);
    expect(growthMiB).toBeLessThan(32);
  }, 600_000);
});
