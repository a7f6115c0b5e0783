// Integration files share one module graph (vitest.config.ts, project `int`), so a file that
// changes the process for the files after it must be listed to run on its own graph first.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISOLATED_INT_FILES } from '../vitest.config.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', '.next', '.git', 'lib/generated', 'e2e', 'test-results']);

function intTestFiles(dir = ''): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(rel) || entry.name.startsWith('.next') ? [] : intTestFiles(rel);
    return entry.name.endsWith('.int.test.ts') ? [rel] : [];
  });
}

/** What makes a file leave the process different for the next one. */
const CHANGES_THE_PROCESS = /\bvi\.(mock|doMock|stubEnv|stubGlobal)\(|\b(process\.)?env\.[A-Z_]+\s*=[^=>]|\bdelete process\.env\.|\bstart\w*Server\(/;

describe('integration test isolation', () => {
  it('lists every integration file that mocks modules, sets environment variables (or lib/env values) or starts a process-wide server, and only existing files', () => {
    const files = intTestFiles();
    expect(files.length).toBeGreaterThan(20);
    const changers = files.filter((f) => CHANGES_THE_PROCESS.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(changers.filter((f) => !ISOLATED_INT_FILES.includes(f))).toEqual([]);
    expect(ISOLATED_INT_FILES.filter((f) => !files.includes(f))).toEqual([]);
  });
});
