import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startImport, startImportQuerySchema } from '@/lib/import/dashboard';
import { importJobPayloadSchema } from '@/lib/import/job/handler';
import { getJob } from '@/lib/jobs';
import type { StaffUser } from '@/lib/users';
import { createUser } from '@/test/fixtures';

// /admin/import's request (app/api/import): the query the form sends, checked by the shared
// schema, and the job it queues. The Ghost site address reaches the Ghost reader; other sources
// name their site in their own file, so it is not passed on for them.

let admin: StaffUser;
const file = () => {
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-import-start-')), 'export.upload');
  fs.writeFileSync(f, '{}');
  return f;
};
const payloadOf = async (id: string) => importJobPayloadSchema.parse((await getJob(id))!.payload);

beforeAll(async () => {
  admin = await createUser('ADMIN');
});

describe('starting an import from the dashboard', () => {
  it('queues a Ghost import with the site address the form gave', async () => {
    const query = startImportQuerySchema.parse({ source: 'ghost', dryRun: '1', filename: 'coast.json', siteUrl: ' https://coast-news.example ' });
    const job = await startImport({ ...query, dryRun: true, file: file() }, admin);
    expect(await payloadOf(job.id)).toMatchObject({ source: 'ghost', siteUrl: 'https://coast-news.example', dryRun: true, filename: 'coast.json' });
  });

  it('leaves the address out for other sources, and a blank field as none', async () => {
    const wp = await startImport({ ...startImportQuerySchema.parse({ source: 'wordpress', siteUrl: 'https://coast-news.example' }), dryRun: true, file: file() }, admin);
    expect((await payloadOf(wp.id)).siteUrl).toBeNull();
    const blank = await startImport({ ...startImportQuerySchema.parse({ source: 'ghost', siteUrl: '' }), dryRun: true, file: file() }, admin);
    expect((await payloadOf(blank.id)).siteUrl).toBeNull();
  });

  it('refuses an address that is not a web address, naming the field', () => {
    const r = startImportQuerySchema.safeParse({ source: 'ghost', siteUrl: 'coast-news.example' });
    expect(r.error?.issues.map((i) => i.path[0])).toEqual(['siteUrl']);
  });

  it('is for admins only', async () => {
    await expect(startImport({ source: 'ghost', dryRun: true, filename: 'x.json', file: file(), siteUrl: null }, await createUser('EDITOR'))).rejects.toMatchObject({ code: 'forbidden' });
  });
});
