// An independent AWS Signature Version 4 implementation for tests: the stub S3 server in
// lib/media/media.int.test.ts recomputes each request's signature with it, so the driver's signer
// (aws4fetch) is checked against a second implementation, itself checked against AWS's published
// vectors (./sigv4.test.ts).
import crypto from 'node:crypto';

export type SigV4Credentials = { accessKeyId: string; secretAccessKey: string; region: string; service: string };

const sha256Hex = (data: string | Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');
const hmac = (key: crypto.BinaryLike, data: string) => crypto.createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** 2015-08-30T12:36:00.000Z -> 20150830T123600Z */
export const amzDate = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * Signs a request with AWS Signature Version 4 and returns the Authorization header.
 * `headers` must already hold every header to sign, including host and x-amz-date (and for
 * S3 x-amz-content-sha256); `payloadHash` is the hex SHA-256 of the body (or UNSIGNED-PAYLOAD).
 * The path is used as given (already URI-encoded once, as S3 expects).
 */
export function signV4(
  req: { method: string; path: string; query?: URLSearchParams; headers: Record<string, string>; payloadHash: string },
  creds: SigV4Credentials,
): { authorization: string; canonicalRequest: string; stringToSign: string } {
  const headers = Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, ' ')] as const);
  headers.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = headers.map(([k]) => k).join(';');
  const date = headers.find(([k]) => k === 'x-amz-date')?.[1];
  if (!date) throw new Error('signV4 needs an x-amz-date header');
  const query = [...(req.query ?? new URLSearchParams()).entries()]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)])
    .sort(([a, x], [b, y]) => (a! < b! ? -1 : a! > b! ? 1 : x! < y! ? -1 : x! > y! ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalRequest = [req.method, req.path, query, headers.map(([k, v]) => `${k}:${v}\n`).join(''), signedHeaders, req.payloadHash].join('\n');
  const day = date.slice(0, 8);
  const scope = `${day}/${creds.region}/${creds.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${creds.secretAccessKey}`, day), creds.region), creds.service), 'aws4_request');
  const signature = crypto.createHmac('sha256', key).update(stringToSign).digest('hex');
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    canonicalRequest,
    stringToSign,
  };
}

export { sha256Hex };
