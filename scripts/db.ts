// Database commands that work offline (no native Prisma engines):
//   tsx scripts/db.ts schema                 derive prisma/postgresql/schema.prisma from prisma/schema.prisma
//   tsx scripts/db.ts generate               derive, then generate the client for both providers
//   tsx scripts/db.ts migrate                apply pending migrations to DATABASE_URL (SQLite by default)
//   tsx scripts/db.ts migration --name NAME  create a migration for BOTH providers from schema changes
//   tsx scripts/db.ts diff [--from-migrations] | status
//   tsx scripts/db.ts seed                   idempotent demo seed into DATABASE_URL (refused in production)
//   tsx scripts/db.ts reindex                rebuild the full-text search index (lib/search)
//   tsx scripts/db.ts demo-accounts [--deactivate]   list (or deactivate) active demo accounts
//   tsx scripts/db.ts admin --email E --name N       create an admin with a one-time password
//   tsx scripts/db.ts setup                  what `npm install` runs: generate; then, only for the
//                                            embedded SQLite file (no DATABASE_URL), migrate + seed
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateDeploy, openSchemaEngine } from './db/engine.ts';
import { DEFAULT_DATABASE_URL, PROVIDERS, ROOT, databaseUrl, pgConfig, providerOf } from '../lib/db-config.ts';
import { schemaPath } from './db/paths.ts';
import { writeDerivedSchemas } from './db/schemas.ts';

const [cmd, ...args] = process.argv.slice(2);
const opt = (f: string) => (args.includes(f) ? args[args.indexOf(f) + 1] : undefined);

function sh(command: string, argv: string[], env: Record<string, string> = {}) {
  const r = spawnSync(command, argv, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed (exit ${r.status})`);
}

function mode() {
  return process.env.BROADSHEET_ENV ?? (process.env.NODE_ENV === 'production' ? 'production' : 'development');
}

function generate() {
  if (writeDerivedSchemas()) console.log('Derived prisma/postgresql/schema.prisma');
  for (const provider of PROVIDERS) {
    // Generating needs no schema engine; pointing it at /bin/false stops the CLI from
    // trying to download one (which fails offline). /bin/true would hide real failures.
    sh(path.join(ROOT, 'node_modules/.bin/prisma'), ['generate', '--schema', schemaPath(provider)], {
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/false',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    });
  }
}

async function migrate() {
  const url = databaseUrl();
  const applied = await migrateDeploy(url);
  console.log(`${providerOf(url)}: ${applied.length ? `applied ${applied.join(', ')}` : 'no pending migrations'}`);
  // New indexes start without planner statistics: gather them now (PostgreSQL's autovacuum does it by itself).
  if (applied.length && providerOf(url) === 'sqlite') {
    const { default: Database } = await import('better-sqlite3');
    const sqlite = new Database(url.slice('file:'.length));
    try {
      sqlite.exec('PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;');
    } finally {
      sqlite.close();
    }
  }
  // The search index is filled by the application, not by SQL: backfill it when it lags.
  reindex(['--if-needed']);
}

function reindex(flags: string[] = []) {
  sh(path.join(ROOT, 'node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/search-index.ts', ...flags]);
}

function seed() {
  if (mode() === 'production') {
    // Demo accounts have a published password: they must never reach a live site.
    throw new Error('refused in production (BROADSHEET_ENV=production, or NODE_ENV=production without BROADSHEET_ENV): demo content and its accounts never go into a production database.');
  }
  sh(path.join(ROOT, 'node_modules/.bin/tsx'), ['--conditions=react-server', 'prisma/seed.ts']);
}

/**
 * `npm install`: demo content goes only into the embedded SQLite file. A database named by
 * DATABASE_URL is left alone: it is migrated by `npm run db:migrate` and seeded only by an
 * explicit `npm run db:seed` (never in production).
 */
async function setup() {
  generate();
  if (databaseUrl() !== DEFAULT_DATABASE_URL) {
    console.log(
      'DATABASE_URL is set, so npm install leaves that database alone: run `npm run db:migrate` to migrate it' +
        (mode() === 'production' ? '.' : ', and `npm run db:seed` only if you want the demo content (and demo accounts) in it.'),
    );
    return;
  }
  await migrate();
  if (mode() === 'production') console.log('Production: no demo content.');
  else seed();
}

function accounts(command: 'demo' | 'admin') {
  sh(path.join(ROOT, 'node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/accounts.ts', command, ...args]);
}

/** Creates the migration on a scratch database of each provider, so both folders stay in step. */
async function createMigration(name: string) {
  for (const provider of PROVIDERS) {
    if (provider === 'sqlite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-migration-'));
      const engine = await openSchemaEngine(`file:${path.join(dir, 'scratch.db')}`);
      try {
        console.log(`sqlite: ${(await engine.dev(name)) ?? 'already in sync'}`);
      } finally {
        await engine.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    } else {
      const admin = process.env.PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
      const scratch = `broadsheet_migration_${Date.now()}`;
      const client = new pg.Client(pgConfig(admin));
      await client.connect();
      await client.query(`CREATE DATABASE "${scratch}"`);
      const url = new URL(admin);
      url.pathname = `/${scratch}`;
      try {
        const engine = await openSchemaEngine(url.toString());
        try {
          console.log(`postgresql: ${(await engine.dev(name)) ?? 'already in sync'}`);
        } finally {
          await engine.close();
        }
      } finally {
        await client.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
        await client.end();
      }
    }
  }
}

async function main() {
  switch (cmd) {
    case 'schema':
      console.log(writeDerivedSchemas() ? 'Derived prisma/postgresql/schema.prisma' : 'Schemas already in sync');
      break;
    case 'generate':
      generate();
      break;
    case 'migrate':
      await migrate();
      break;
    case 'migration': {
      const name = opt('--name');
      if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('Give the migration a name: --name add_something (a-z, 0-9, _)');
      writeDerivedSchemas();
      await createMigration(name);
      break;
    }
    case 'diff': {
      const engine = await openSchemaEngine(databaseUrl());
      try {
        process.stdout.write(await engine.diff(args.includes('--from-migrations') ? 'migrations' : 'empty'));
      } finally {
        await engine.close();
      }
      break;
    }
    case 'status': {
      const engine = await openSchemaEngine(databaseUrl());
      try {
        console.log(JSON.stringify(await engine.status(), null, 2));
      } finally {
        await engine.close();
      }
      break;
    }
    case 'seed':
      seed();
      break;
    case 'reindex':
      reindex();
      break;
    case 'setup':
      await setup();
      break;
    case 'demo-accounts':
      accounts('demo');
      break;
    case 'admin':
      accounts('admin');
      break;
    default:
      throw new Error(`Unknown command "${cmd ?? ''}". Use one of: schema, generate, migrate, migration --name N, diff, status, seed, reindex, demo-accounts, admin, setup.`);
  }
}

main().then(
  () => process.exit(0),
  (e: Error & { code?: string }) => {
    console.error(`db ${cmd}: ${e.code ? `${e.code} ` : ''}${e.message}`);
    process.exit(1);
  },
);
