// The server Playwright tests run against: a fresh, seeded SQLite database of its own
// (data/e2e.db, or E2E_DB, recreated each run), a fresh production build, then the production server (scripts/server.mjs).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ROOT } from '../lib/db-config.ts';
import { serverProcessEnv } from './server-process.ts';

const dbFile = path.resolve(ROOT, process.env.E2E_DB ?? 'data/e2e.db');
for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(dbFile + suffix, { force: true });
// Uploaded images of this run live beside its database and go with it.
const mediaDir = `${dbFile}-media`;
fs.rmSync(mediaDir, { recursive: true, force: true });

const port = Number(process.env.E2E_PORT ?? 3100);
// The weather stub listens beside the site (port + 100) so parallel runs on other ports do not clash.
const weatherPort = port + 100;

const env = {
  ...process.env,
  DATABASE_URL: `file:${dbFile}`,
  BROADSHEET_ENV: 'test',
  NEXT_TELEMETRY_DISABLED: '1',
  WEATHER_API_URL: `http://127.0.0.1:${weatherPort}`,
  // A one-second cache lets a test switch the stub's mode and see the page follow.
  WEATHER_CACHE_SECONDS: '1',
  SITE_URL: `http://127.0.0.1:${port}`,
  // No COMMENT_MIN_SECONDS: the too-fast threshold is the comment setting, which
  // test/e2e-settings.ts starts at 0 (tests fill forms within a second) and
  // e2e/comments.spec.ts raises through the settings page to prove the rule.
  COMMENT_MIN_SECONDS: '',
  // Every test posts from 127.0.0.1, so no per-IP limit; each test uses its own email, and
  // e2e/comments.spec.ts proves the per-email limit (3 a minute) answers 429.
  COMMENT_RATE_LIMITS: 'email:3/60',
  // Cached pages refresh in the background after 2 s (60 s in production) so the weather tests
  // see the stub's mode change; publishing and moderation must still show at once (by tag).
  PAGE_REVALIDATE_SECONDS: '2',
  // Every spec reports from 127.0.0.1; the report limit has its own integration test.
  REPORT_RATE_LIMITS: 'off',
  // Every spec signs in from 127.0.0.1: the per-IP sign-in limit would end other specs' sign-ins
  // after 20 failures; e2e/two-factor.spec.ts proves the per-account lockout, and the per-IP one
  // has its own integration test.
  SIGN_IN_LIMITS: 'account:5/900,ip:1000/900',
  // Every spec signs in from 127.0.0.1: the per-address admission limit on sign-in is for the open internet.
  ADMISSION_AUTH_PER_CLIENT: '10000/60',
  // … and so does every request of every spec: the per-address rule for all requests is proved by
  // lib/admission.test.ts and measured by bench/sign-in-flood.ts.
  ADMISSION_PER_CLIENT: '1000000/60',
  ADMISSION_PER_CLIENT_CREDENTIALED: '1000000/60',
  // A CI machine runs late for its own reasons (browsers, other stages): the lanes keep their
  // configured limits here; the lag rule is proved by lib/admission.test.ts and bench/sign-in-flood.ts.
  ADMISSION_LAG_MS: 'off',
  // WebAuthn refuses IP addresses as relying party ids: passkey tests open the site as localhost.
  PASSKEY_ORIGIN: `http://localhost:${port}`,
  // No proxy in front: the socket address is the reader's.
  TRUST_PROXY: 'off',
  // e2e/webhooks.spec.ts sees a failed delivery retried within seconds, not 30 s.
  WEBHOOK_RETRY_BASE_MS: '1000',
  // e2e/webhooks.spec.ts delivers to a receiver on 127.0.0.1.
  WEBHOOK_ALLOW_PRIVATE: '1',
  MEDIA_STORAGE: 'local',
  MEDIA_DIR: mediaDir,
};
const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);
function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/**
 * An Open-Meteo stand-in. `POST /__mode` with `ok`, `fail` (HTTP 500) or `stall` (answers after
 * 5 s, past the site's 1.5 s timeout) switches how /v1/forecast answers; e2e/weather.spec.ts drives it.
 */
let weatherMode: 'ok' | 'fail' | 'stall' = 'ok';
const weatherStub = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://stub');
  if (req.method === 'POST' && url.pathname === '/__mode') {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const mode = body.trim();
      if (mode !== 'ok' && mode !== 'fail' && mode !== 'stall') return void res.writeHead(400).end('mode is ok, fail or stall');
      weatherMode = mode;
      res.writeHead(204).end();
    });
    return;
  }
  if (url.pathname !== '/v1/forecast') return void res.writeHead(404).end();
  if (weatherMode === 'fail') return void res.writeHead(500).end('stub failure');
  const answer = () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ latitude: Number(url.searchParams.get('latitude')), current: { temperature_2m: 14.8, weather_code: 3 } }));
  };
  if (weatherMode === 'stall') setTimeout(answer, 5000).unref();
  else answer();
});
weatherStub.listen(weatherPort, '127.0.0.1');

run(bin('tsx'), ['scripts/db.ts', 'migrate']);
run(bin('tsx'), ['scripts/db.ts', 'seed']);
run(bin('tsx'), ['--conditions=react-server', 'test/e2e-settings.ts']);
if (process.env.E2E_SKIP_BUILD !== '1') run(bin('next'), ['build']);
const child = spawn(process.execPath, ['scripts/server.mjs', '-p', String(port)], { cwd: ROOT, stdio: 'inherit', env: serverProcessEnv(env) });
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
