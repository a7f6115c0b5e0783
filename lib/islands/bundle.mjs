// @ts-check
// The islands' one script (components/islands), built with esbuild when the server starts and
// served from memory at /_islands/islands.<hash>.js: named by its content, so browsers keep it
// for a year; compressed once, Brotli or gzip as the browser accepts.
import crypto from 'node:crypto';
import path from 'node:path';
import zlib from 'node:zlib';
import { RESOURCE_CSP } from '../security/headers.mjs';

const ENTRY = 'components/islands/main.ts';
const PREFIX = '/_islands/';
const ONE_YEAR = 31_536_000;

/** @typedef {{ path: string, identity: Buffer, br: Buffer, gzip: Buffer, etag: string }} Bundle */
/** @type {Bundle | null} */
let bundle = null;

/**
 * Builds the islands' script from the project at `root`; returns its path, or null (and logs
 * why) when it cannot be built, in which case public pages keep Next's scripts and still work.
 * @param {string} root
 */
export async function buildIslands(root) {
  try {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [path.join(root, ENTRY)],
      absWorkingDir: root,
      bundle: true,
      minify: true,
      format: 'iife',
      target: ['es2020'],
      platform: 'browser',
      write: false,
      legalComments: 'none',
      logLevel: 'silent',
    });
    const identity = Buffer.from(result.outputFiles[0]?.contents ?? []);
    const hash = crypto.createHash('sha256').update(identity).digest('base64url').slice(0, 12);
    bundle = {
      path: `${PREFIX}islands.${hash}.js`,
      identity,
      br: zlib.brotliCompressSync(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
      gzip: zlib.gzipSync(identity, { level: 9 }),
      etag: `"${hash}"`,
    };
    return bundle.path;
  } catch (e) {
    console.error('islands script could not be built; public pages keep Next.js scripts:', e);
    return null;
  }
}

/** @param {string | undefined} header @param {string} coding */
const accepts = (header, coding) => !!header && header.split(',').some((p) => p.trim().split(';')[0] === coding);

/**
 * Answers GET/HEAD for the islands' script; returns false for any other request.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function serveIslandScript(req, res) {
  const url = req.url ?? '';
  if (!url.startsWith(PREFIX) || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  if (!bundle || url.split('?')[0] !== bundle.path) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end('Not found');
    return true;
  }
  const ae = /** @type {string | undefined} */ (req.headers['accept-encoding']);
  const [body, coding] = accepts(ae, 'br') ? [bundle.br, 'br'] : accepts(ae, 'gzip') ? [bundle.gzip, 'gzip'] : [bundle.identity, null];
  res.setHeader('content-type', 'text/javascript; charset=utf-8');
  res.setHeader('cache-control', `public, max-age=${ONE_YEAR}, immutable`);
  res.setHeader('vary', 'Accept-Encoding');
  res.setHeader('etag', bundle.etag);
  res.setHeader('content-security-policy', RESOURCE_CSP);
  if (coding) res.setHeader('content-encoding', coding);
  if (req.headers['if-none-match'] === bundle.etag) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  res.setHeader('content-length', body.length);
  res.statusCode = 200;
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
