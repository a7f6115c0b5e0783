import { describe, expect, it } from 'vitest';
import { amzDate, sha256Hex, signV4 } from './sigv4';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('signV4', () => {
  it("matches AWS's published get-vanilla test vector", () => {
    const { authorization } = signV4(
      { method: 'GET', path: '/', headers: { Host: 'example.amazonaws.com', 'X-Amz-Date': '20150830T123600Z' }, payloadHash: EMPTY_SHA256 },
      { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', region: 'us-east-1', service: 'service' },
    );
    expect(authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });

  it("matches the S3 documentation's GET Object example (Range, x-amz-content-sha256)", () => {
    const { authorization } = signV4(
      {
        method: 'GET',
        path: '/test.txt',
        headers: { Host: 'examplebucket.s3.amazonaws.com', Range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': '20130524T000000Z' },
        payloadHash: EMPTY_SHA256,
      },
      { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1', service: 's3' },
    );
    expect(authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('sorts and encodes query parameters in the canonical request', () => {
    const { canonicalRequest } = signV4(
      { method: 'GET', path: '/', query: new URLSearchParams('b=2&a=x y&a=1'), headers: { host: 'h', 'x-amz-date': '20200101T000000Z' }, payloadHash: EMPTY_SHA256 },
      { accessKeyId: 'k', secretAccessKey: 's', region: 'r', service: 's3' },
    );
    expect(canonicalRequest.split('\n')[2]).toBe('a=1&a=x%20y&b=2');
  });

  it('formats dates and hashes as SigV4 expects', () => {
    expect(amzDate(new Date('2015-08-30T12:36:00.000Z'))).toBe('20150830T123600Z');
    expect(sha256Hex('')).toBe(EMPTY_SHA256);
  });
});
