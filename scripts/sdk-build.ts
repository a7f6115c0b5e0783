// npm run sdk:build — regenerates the SDK's OpenAPI document and types, then compiles sdk/ to sdk/dist.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/db-config.ts';
import { generateSdkSources } from './sdk/generate.ts';

const { openapiJson, schemaTs } = await generateSdkSources();
fs.writeFileSync(path.join(ROOT, 'sdk/openapi.json'), openapiJson);
fs.writeFileSync(path.join(ROOT, 'sdk/src/schema.d.ts'), schemaTs);

fs.rmSync(path.join(ROOT, 'sdk/dist'), { recursive: true, force: true });
const tsc = spawnSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'sdk/tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
// schema.d.ts has no JavaScript of its own: copy it beside the compiled files that import it.
fs.copyFileSync(path.join(ROOT, 'sdk/src/schema.d.ts'), path.join(ROOT, 'sdk/dist/schema.d.ts'));
console.log('sdk: wrote sdk/openapi.json, sdk/src/schema.d.ts and sdk/dist');
