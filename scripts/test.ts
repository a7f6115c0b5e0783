// npm test: every check Broadsheet has, as stages that run side by side where they can, then a
// timing table. Stages and what they wait for:
//   lint, format, typecheck, unit,    at once (the build skips its own type-check: typecheck runs it);
//   build                             all but the build run niced, so the build and the e2e that waits
//                                     for it (the longest path) get the CPU first
//   integration                       SQLite and PostgreSQL at once (scripts/test-integration.ts)
//   e2e                               after build (Playwright against the production server)
//   faults                            after e2e (test/faults/suite.ts, on the same build)
// Each stage's output goes to test-results-stages/<stage>.log (not under test-results/, which Playwright empties when it starts); a failed stage's log is printed in
// full, a passed one's last lines. Exit status 0 only when every stage passed.
//   npm test                          everything
//   npm test -- --only lint,unit      some stages (their prerequisites are not added)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/db-config.ts';

type Stage = {
  name: string;
  command: string[];
  after?: string[];
  env?: Record<string, string>;
  /** How many trailing lines of a passed stage's log to print. */
  tail?: number;
  /** Off the critical path: runs at a lower CPU priority (`nice`), so build → e2e → faults go first. */
  background?: boolean;
};

const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);
const STAGES: Stage[] = [
  { name: 'lint', command: [bin('eslint'), '.', '--max-warnings=0'], tail: 3, background: true },
  { name: 'format', command: [bin('prettier'), '--check', '.', '--log-level', 'warn'], tail: 3, background: true },
  { name: 'typecheck', command: [bin('tsc'), '--noEmit'], tail: 3, background: true },
  { name: 'unit', command: [bin('vitest'), 'run', '--project', 'unit'], tail: 6, background: true },
  { name: 'build', command: [bin('next'), 'build'], env: { NEXT_TELEMETRY_DISABLED: '1', BROADSHEET_BUILD_SKIP_TYPECHECK: '1' }, tail: 3 },
  { name: 'integration', command: [bin('tsx'), 'scripts/test-integration.ts'], tail: 4, background: true },
  { name: 'e2e', command: [bin('playwright'), 'test'], after: ['build'], env: { E2E_SKIP_BUILD: '1', NEXT_TELEMETRY_DISABLED: '1' }, tail: 6 },
  // Its own PostgreSQL and Redis, crashed and frozen under two server instances: after e2e, so that
  // neither's timing checks run on a machine the other keeps busy.
  { name: 'faults', command: [bin('tsx'), 'test/faults/suite.ts'], after: ['e2e'], env: { FAULTS_SKIP_BUILD: '1', NEXT_TELEMETRY_DISABLED: '1' }, tail: 12 },
];

const only = (() => {
  const i = process.argv.indexOf('--only');
  return i >= 0 ? new Set((process.argv[i + 1] ?? '').split(',').filter(Boolean)) : null;
})();
const stages = only ? STAGES.filter((s) => only.has(s.name)) : STAGES;
if (only) for (const name of only) if (!STAGES.some((s) => s.name === name)) throw new Error(`unknown stage "${name}" (stages: ${STAGES.map((s) => s.name).join(', ')})`);

/** `nice`, where the system has it (not on Windows). */
const NICE = ['/usr/bin/nice', '/bin/nice'].find((p) => fs.existsSync(p));

const logDir = path.join(ROOT, 'test-results-stages');
fs.mkdirSync(logDir, { recursive: true });

type Result = { name: string; status: 'passed' | 'FAILED' | 'skipped'; started: number; seconds: number; note?: string };
const results = new Map<string, Promise<Result>>();
const t0 = performance.now();
const children = new Set<ReturnType<typeof spawn>>();

function run(stage: Stage): Promise<Result> {
  const existing = results.get(stage.name);
  if (existing) return existing;
  const promise = (async (): Promise<Result> => {
    const deps = await Promise.all(
      (stage.after ?? [])
        .map((n) => stages.find((s) => s.name === n))
        .filter((s): s is Stage => !!s)
        .map(run),
    );
    const started = (performance.now() - t0) / 1000;
    const failedDep = deps.find((d) => d.status !== 'passed');
    if (failedDep) return { name: stage.name, status: 'skipped', started, seconds: 0, note: `${failedDep.name} did not pass` };
    const log = path.join(logDir, `${stage.name}.log`);
    const out = fs.openSync(log, 'w');
    console.log(`▶ ${stage.name} (at ${started.toFixed(0)} s)`);
    const code = await new Promise<number>((resolve) => {
      const [cmd, ...args] = stage.background && NICE ? [NICE, '-n', '10', ...stage.command] : stage.command;
      const child = spawn(cmd!, args, { cwd: ROOT, stdio: ['ignore', out, out], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...stage.env } });
      children.add(child);
      child.on('error', () => resolve(127));
      child.on('exit', (c, signal) => {
        children.delete(child);
        resolve(signal ? 128 : (c ?? 1));
      });
    });
    fs.closeSync(out);
    const seconds = (performance.now() - t0) / 1000 - started;
    const text = fs.readFileSync(log, 'utf8');
    const lines = text.trimEnd().split('\n');
    const passed = code === 0;
    console.log(`\n${passed ? '✔' : '✘'} ${stage.name}: ${passed ? 'passed' : `FAILED (exit ${code})`} in ${seconds.toFixed(0)} s — ${path.relative(ROOT, log)}`);
    console.log((passed ? lines.slice(-(stage.tail ?? 5)) : lines).map((l) => `  ${l}`).join('\n'));
    return { name: stage.name, status: passed ? 'passed' : 'FAILED', started, seconds };
  })();
  results.set(stage.name, promise);
  return promise;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const c of children) c.kill(signal);
    process.exit(130);
  });
}

const all = await Promise.all(stages.map(run));
const total = (performance.now() - t0) / 1000;
console.log('\nnpm test — stages (wall-clock seconds; stages overlap)');
console.log('  stage         status    start    took');
for (const r of all) console.log(`  ${r.name.padEnd(13)} ${r.status.padEnd(8)} ${r.started.toFixed(0).padStart(6)} ${r.seconds.toFixed(0).padStart(7)}${r.note ? `  (${r.note})` : ''}`);
console.log(`  ${'total'.padEnd(13)} ${all.every((r) => r.status === 'passed') ? 'passed' : 'FAILED'}   ${''.padStart(6)} ${total.toFixed(0).padStart(7)}`);
process.exit(all.every((r) => r.status === 'passed') ? 0 : 1);
