import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { broadsheetExportSchema } from './format';

// The JSON Schema in docs/ is what people outside read; the zod schema is what the code uses.
// Regenerate the file with: UPDATE_EXPORT_SCHEMA=1 npx vitest run --project unit lib/export/format.test.ts
const FILE = path.join(import.meta.dirname, '..', '..', 'docs', 'broadsheet-export.schema.json');

describe('the export format', () => {
  it('is described by the JSON Schema kept in docs/', () => {
    const generated = { $id: 'https://broadsheet.dev/schemas/broadsheet-export-1.json', title: 'Broadsheet export, version 1', ...z.toJSONSchema(broadsheetExportSchema, { io: 'input' }) };
    if (process.env.UPDATE_EXPORT_SCHEMA === '1') fs.writeFileSync(FILE, JSON.stringify(generated, null, 2) + '\n');
    expect(JSON.parse(fs.readFileSync(FILE, 'utf8'))).toEqual(generated);
  });
});
