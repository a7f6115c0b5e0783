import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientIpFrom, installPeerAddressHeader, parseTrustProxy, peerHeaderName } from './client-ip';

const PEER = 'x-broadsheet-peer-test';
const headers = (h: Record<string, string>) => new Headers(h);

describe('parseTrustProxy', () => {
  it('is off unless a hop count is given', () => {
    for (const v of [undefined, '', 'off', 'OFF', 'false', '0']) expect(parseTrustProxy(v)).toBe('off');
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy(' 2 ')).toBe(2);
  });
  it('refuses values it cannot read, rather than trusting everything', () => {
    for (const v of ['true', 'yes', '-1', '21', '1.5', 'loopback']) expect(() => parseTrustProxy(v)).toThrow(/TRUST_PROXY/);
  });
});

describe('clientIpFrom', () => {
  it('off: uses the socket address and ignores a forged X-Forwarded-For', () => {
    expect(clientIpFrom(headers({ [PEER]: '203.0.113.7', 'x-forwarded-for': '1.2.3.4' }), 'off', PEER)).toBe('203.0.113.7');
    expect(clientIpFrom(headers({ [PEER]: '203.0.113.7', 'x-real-ip': '1.2.3.4' }), 'off', PEER)).toBe('203.0.113.7');
  });
  it('off: without the socket address there is no trustworthy IP', () => {
    expect(clientIpFrom(headers({ 'x-forwarded-for': '1.2.3.4' }), 'off', PEER)).toBeNull();
    expect(clientIpFrom(headers({ 'x-forwarded-for': '1.2.3.4', [PEER]: '9.9.9.9' }), 'off', undefined)).toBeNull();
  });
  it('one trusted proxy: the address it appended, not what the client claimed before it', () => {
    // The client sent "1.2.3.4" itself; the proxy appended the address it saw (198.51.100.20).
    const h = headers({ [PEER]: '10.0.0.2', 'x-forwarded-for': '1.2.3.4, 198.51.100.20' });
    expect(clientIpFrom(h, 1, PEER)).toBe('198.51.100.20');
    expect(clientIpFrom(h, 2, PEER)).toBe('1.2.3.4');
  });
  it('more hops than entries: the leftmost address', () => {
    expect(clientIpFrom(headers({ [PEER]: '10.0.0.2', 'x-forwarded-for': '198.51.100.20' }), 3, PEER)).toBe('198.51.100.20');
  });
  it('a trusted proxy that sent no X-Forwarded-For: the socket address', () => {
    expect(clientIpFrom(headers({ [PEER]: '10.0.0.2' }), 1, PEER)).toBe('10.0.0.2');
  });
  it('a proxy hop without the socket hook: the nearest proxy counts as the first trusted hop', () => {
    expect(clientIpFrom(headers({ 'x-forwarded-for': '1.2.3.4, 198.51.100.20' }), 1, undefined)).toBe('198.51.100.20');
  });
});

describe('installPeerAddressHeader', () => {
  it('stamps each request with its socket address under a secret name, over anything the client sent', async () => {
    installPeerAddressHeader();
    const name = peerHeaderName()!;
    expect(name).toMatch(/^x-broadsheet-peer-[0-9a-f]{24}$/);
    const seen: (string | undefined)[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers[name] as string | undefined);
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      await fetch(`http://127.0.0.1:${port}/`, { headers: { [name]: '6.6.6.6', 'x-forwarded-for': '6.6.6.6' } });
      expect(seen).toEqual(['127.0.0.1']);
      expect(clientIpFrom(headers({ [name]: seen[0]!, 'x-forwarded-for': '6.6.6.6' }), 'off')).toBe('127.0.0.1');
    } finally {
      server.close();
    }
  });
});
