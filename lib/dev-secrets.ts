// Development and demo secrets, generated once per checkout into data/ (git-ignored),
// so `npm install && npm start` needs no manual .env step. Never used in production.
// Plain (no `server-only`): proxy.ts reads it too.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './db-config.ts';

export type DevSecrets = { nextAuthSecret: string };

const FILE = path.join(ROOT, 'data/dev-secrets.json');

export function readOrCreateDevSecrets(): DevSecrets {
  try {
    const saved = JSON.parse(fs.readFileSync(FILE, 'utf8')) as Partial<DevSecrets>;
    if (typeof saved.nextAuthSecret === 'string' && saved.nextAuthSecret.length >= 32) return saved as DevSecrets;
  } catch {
    // missing or unreadable: generate below
  }
  const secrets: DevSecrets = { nextAuthSecret: crypto.randomBytes(32).toString('base64url') };
  fs.mkdirSync(path.dirname(FILE), { recursive: true });
  try {
    fs.writeFileSync(FILE, JSON.stringify(secrets, null, 2) + '\n', { flag: 'wx', mode: 0o600 });
    return secrets;
  } catch {
    // another process created it first: use theirs
    return JSON.parse(fs.readFileSync(FILE, 'utf8')) as DevSecrets;
  }
}
