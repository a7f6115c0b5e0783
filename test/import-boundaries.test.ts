import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { importBoundaries } from '../eslint.boundaries.mjs';

// The import-boundary rules (eslint.boundaries.mjs, part of eslint.config.mjs), run on sample
// files where they would sit. Only these rules are loaded: the samples are plain ES modules.
const eslint = new ESLint({ cwd: `${import.meta.dirname}/..`, overrideConfigFile: true, overrideConfig: importBoundaries });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('keep lib/ and components/ from importing app/, by alias or relative path', async () => {
    expect(await restricted('lib/articles/sample.ts', "import { X } from '@/app/(dashboard)/admin/actions';\nexport const Y = X;\n")).toEqual([expect.stringContaining('never import from app/')]);
    expect(await restricted('components/admin/sample.tsx', "import { X } from '../../app/(dashboard)/admin/articles/actions';\nexport const Y = X;\n")).toEqual([
      expect.stringContaining('never import from app/'),
    ]);
  });

  it('keep runtime lib/ from importing scripts/, while scripts may import lib/', async () => {
    expect(await restricted('lib/sample.ts', "import { x } from '@/scripts/db/paths';\nexport const y = x;\n")).toEqual([expect.stringContaining('never import from scripts/')]);
    expect(await restricted('scripts/sample.ts', "import { ROOT } from '../lib/db-config.ts';\nexport const y = ROOT;\n")).toEqual([]);
  });

  it('send tests to the shared fixtures in test/', async () => {
    expect(await restricted('lib/sample.int.test.ts', "import { createUser } from '@/scripts/test/fixtures';\nexport const y = createUser;\n")).toEqual([
      expect.stringContaining('top-level test/ folder'),
    ]);
    expect(await restricted('lib/sample.int.test.ts', "import { createUser } from '@/test/fixtures';\nexport const y = createUser;\n")).toEqual([]);
  });

  it('let app/ import components/ and lib/', async () => {
    expect(await restricted('app/(public)/sample/page.tsx', "import { db } from '@/lib/db';\nexport const y = db;\n")).toEqual([]);
  });
});
