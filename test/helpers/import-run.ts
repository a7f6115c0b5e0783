// Shared by the import integration tests: a media folder with real JPEGs where the fixtures'
// uploads tree has them, and a run of the import as an admin.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { runImport, type ImportRunOptions } from '@/lib/import/job/run';
import type { StaffUser } from '@/lib/users';

export const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'import');

/** An uploads tree holding these relative paths as small JPEGs. */
export async function makeMediaDir(files: string[]): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-uploads-'));
  const jpeg = await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 30, g: 90, b: 160 } } })
    .jpeg()
    .toBuffer();
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), jpeg);
  }
  return dir;
}

export function importAs(actor: StaffUser, opts: Omit<ImportRunOptions, 'actor'>) {
  return runImport({ ...opts, actor });
}
