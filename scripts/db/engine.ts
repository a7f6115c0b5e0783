// Offline migrations for Prisma 7: drives @prisma/schema-engine-wasm through a
// driver adapter, so no native schema-engine binary (and no network) is needed.
// Replaces `prisma migrate deploy|dev|diff|status` for both providers.
/* eslint-disable @typescript-eslint/no-explicit-any -- the wasm engine and adapter internals are untyped */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { pgConfig, providerOf, type Provider } from '../../lib/db-config.ts';
import { migrationsDir, schemaPath } from './paths.ts';

/**
 * Tables created by hand-written SQL in the migrations, not Prisma models: the full-text
 * search index (lib/search). Diffs and new migrations leave them alone instead of dropping
 * them. SQLite's FTS5 virtual table keeps its data in shadow tables named after it.
 */
export const EXTERNAL_TABLES: Record<Provider, string[]> = {
  sqlite: ['ArticleSearchKey', 'ArticleSearch', ...['data', 'idx', 'content', 'docsize', 'config'].map((s) => `ArticleSearch_${s}`)],
  postgresql: ['public.ArticleSearch'],
};
const filtersFor = (provider: Provider) => ({ externalTables: EXTERNAL_TABLES[provider], externalEnums: [] });

async function makeAdapterFactory(url: string, provider: Provider): Promise<any> {
  if (provider === 'sqlite') {
    const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3');
    await fs.mkdir(path.dirname(url.slice('file:'.length)), { recursive: true });
    const factory: any = new PrismaBetterSqlite3({ url });
    // The engine replays each migration on an in-memory shadow DB via executeRaw(), and
    // better-sqlite3's prepare() rejects multi-statement SQL: route those to executeScript().
    const connectToShadowDb = factory.connectToShadowDb.bind(factory);
    factory.connectToShadowDb = async () => {
      const shadow = await connectToShadowDb();
      const executeRaw = shadow.executeRaw.bind(shadow);
      shadow.executeRaw = async (q: any) => {
        try {
          return await executeRaw(q);
        } catch (e: any) {
          if (q.args.length === 0 && /more than one statement/.test(String(e?.cause?.message ?? e?.message ?? e))) {
            await shadow.executeScript(q.sql);
            return 0;
          }
          throw e;
        }
      };
      return shadow;
    };
    return factory;
  }
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const { default: pg } = await import('pg');
  const config = pgConfig(url);
  // adapter-pg cannot decode PostgreSQL's internal "char" type (OID 18) that the engine's
  // catalog queries return; report it as text (OID 25).
  const patchChar = (q: any) => {
    const performIO = q.performIO.bind(q);
    q.performIO = async (query: any) => {
      const r = await performIO(query);
      for (const f of r?.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25;
      return r;
    };
    if (q.startTransaction) {
      const startTransaction = q.startTransaction.bind(q);
      q.startTransaction = async (...a: any[]) => patchChar(await startTransaction(...a));
    }
    return q;
  };
  const factory: any = new PrismaPg(config);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => patchChar(await connect());
  // adapter-pg's own shadow DB is dropped before its pool closes and leaks; manage it here.
  factory.connectToShadowDb = async () => {
    const admin = new pg.Client(config);
    await admin.connect();
    const database = `broadsheet_shadow_${crypto.randomUUID().replaceAll('-', '')}`;
    await admin.query(`CREATE DATABASE "${database}"`);
    const shadow = patchChar(await new PrismaPg({ ...config, database }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    };
    return shadow;
  };
  return factory;
}

async function listMigrations(dir: string) {
  const lockfile = {
    path: 'migration_lock.toml',
    content: await fs.readFile(path.join(dir, 'migration_lock.toml'), 'utf8').catch(() => null),
  };
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = [];
  for (const e of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const content = await fs.readFile(path.join(dir, e.name, 'migration.sql'), 'utf8').then(
      (value) => ({ tag: 'ok', value }),
      (err) => ({ tag: 'error', value: String(err) }),
    );
    migrationDirectories.push({ path: e.name, migrationFile: { path: 'migration.sql', content } });
  }
  return { baseDir: dir, lockfile, shadowDbInitScript: '', migrationDirectories };
}

// The wasm-bindgen glue keeps its heap in module scope, so the module is instantiated once
// per process and every engine shares it (a second instantiation corrupts the first).
const panics: string[] = [];
let runtimePromise: Promise<any> | undefined;
function loadRuntime(): Promise<any> {
  return (runtimePromise ??= (async () => {
    const gluePath = fileURLToPath(import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    const runtime: any = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    // The engine reports Rust panics through this global; keep the message for the error we throw.
    (globalThis as any).PRISMA_WASM_PANIC_REGISTRY = { set_message: (m: string) => panics.push(m) };
    const wasmModule = new WebAssembly.Module(await fs.readFile(gluePath.replace(/\.js$/, '.wasm')));
    const instance = new WebAssembly.Instance(wasmModule, { './schema_engine_bg.js': runtime });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports as any).__wbindgen_start();
    return runtime;
  })());
}

export type SchemaEngine = Awaited<ReturnType<typeof openSchemaEngine>>;

/** Opens the wasm schema engine against one database; call close() when done. */
export async function openSchemaEngine(url: string) {
  const provider = providerOf(url);
  const file = schemaPath(provider);
  const dir = migrationsDir(provider);
  const content = await fs.readFile(file, 'utf8');
  const schema = { files: [{ path: file, content }] };

  const runtime = await loadRuntime();
  const factory = await makeAdapterFactory(url, provider);
  // Keep every connection the engine opens: free() does not close them, and an open
  // SQLite connection would hold its lock against the next process (the seed).
  const connections: any[] = [];
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const c = await connect();
    connections.push(c);
    return c;
  };
  const adapter: any = bindMigrationAwareSqlAdapterFactory(factory);
  const debug = (m: unknown) => process.env.DEBUG_SE && console.error('[schema-engine]', m);

  // Engine errors are plain objects; driver errors are parked in the adapter's registry by id.
  const explain = (e: any) => {
    const m = /External error id#(\d+)/.exec(e?.message ?? '');
    const rec = m ? adapter.errorRegistry.consumeError(Number(m[1])) : undefined;
    const err = e instanceof Error ? e : Object.assign(new Error(e?.message ?? JSON.stringify(e)), e);
    if (rec) err.message += `\nDriver adapter error: ${rec.error?.stack ?? rec.error}`;
    if (panics.length) err.message += `\nSchema engine panic: ${panics.splice(0).join('\n')}`;
    return err;
  };

  let engine: any;
  try {
    engine = await runtime.SchemaEngine.new({ datamodels: [[file, content]] }, debug, adapter);
  } catch (e) {
    throw explain(e);
  }
  const run = async (method: string, input: unknown): Promise<any> => {
    try {
      return await engine[method](input);
    } catch (e) {
      throw explain(e);
    }
  };

  const filters = filtersFor(provider);
  const api = {
    provider,
    /** Applies pending migrations; returns the names applied. */
    async deploy(): Promise<string[]> {
      const r = await run('applyMigrations', { migrationsList: await listMigrations(dir), filters });
      return r.appliedMigrationNames;
    },
    /** SQL that takes `from` (empty database or the migrations) to the current schema. */
    async diff(from: 'empty' | 'migrations'): Promise<string> {
      const fromSpec = from === 'migrations' ? { tag: 'migrations', ...(await listMigrations(dir)) } : { tag: 'empty' };
      const r = await run('diff', { from: fromSpec, to: { tag: 'schemaDatamodel', ...schema }, script: true, exitCode: null, filters });
      return r.stdout ?? '';
    },
    async status(): Promise<unknown> {
      return run('diagnoseMigrationHistory', { migrationsList: await listMigrations(dir), optInToShadowDatabase: false, filters });
    },
    /** Creates a migration from the schema changes (like `prisma migrate dev --name`). */
    async dev(name: string, createOnly = false): Promise<string | null> {
      await api.deploy(); // on a fresh database, diagnosing first fails with P1014
      const diag = await run('devDiagnostic', { migrationsList: await listMigrations(dir), filters });
      if (diag.action.tag === 'reset') throw new Error(`Database needs a reset: ${diag.action.reason}`);
      const out = await run('createMigration', { draft: createOnly, migrationName: name, migrationsList: await listMigrations(dir), schema, filters });
      if (out.migrationScript === null) return null;
      await fs.mkdir(path.join(dir, out.generatedMigrationName), { recursive: true });
      await fs.writeFile(path.join(dir, out.generatedMigrationName, `migration.${out.extension}`), out.migrationScript);
      await fs.writeFile(
        path.join(dir, 'migration_lock.toml'),
        `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${out.connectorType}"\n`,
      );
      if (!createOnly) await api.deploy();
      return out.generatedMigrationName;
    },
    async close() {
      engine.free();
      await Promise.all(connections.splice(0).map((c) => c.dispose()));
    },
  };
  return api;
}

/** Applies pending migrations to the database at `url` and closes the engine. */
export async function migrateDeploy(url: string): Promise<string[]> {
  const engine = await openSchemaEngine(url);
  try {
    return await engine.deploy();
  } finally {
    await engine.close();
  }
}
