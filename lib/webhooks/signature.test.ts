import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './signature';

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = '{"event":"article.published"}';
  const now = 1_800_000_000_000;
  const timestamp = String(now / 1000);

  it('is HMAC-SHA256 of "timestamp.body" in hex, prefixed sha256=', () => {
    const expected = crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(signWebhook(secret, timestamp, body)).toBe(`sha256=${expected}`);
  });

  it('verifies a fresh signature and refuses a changed body, another secret, a replayed timestamp', () => {
    const signature = signWebhook(secret, timestamp, body);
    expect(verifyWebhookSignature(secret, { signature, timestamp }, body, { now })).toBe(true);
    expect(verifyWebhookSignature(secret, { signature, timestamp }, body.replace('published', 'deleted'), { now })).toBe(false);
    expect(verifyWebhookSignature('whsec_other', { signature, timestamp }, body, { now })).toBe(false);
    expect(verifyWebhookSignature(secret, { signature, timestamp }, body, { now: now + 301_000 })).toBe(false);
    expect(verifyWebhookSignature(secret, { signature: null, timestamp }, body, { now })).toBe(false);
  });
});
