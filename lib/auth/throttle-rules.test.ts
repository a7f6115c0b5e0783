import { describe, expect, it } from 'vitest';
import { clientNetwork, parseSignInLimits, tooManyAttemptsMessage } from './throttle-rules';

describe('clientNetwork', () => {
  it('keeps IPv4 addresses whole', () => {
    expect(clientNetwork('203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork(' 203.0.113.7 ')).toBe('203.0.113.7');
    expect(clientNetwork('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork('::FFFF:203.0.113.7')).toBe('203.0.113.7');
  });

  it('groups IPv6 addresses by their /64, however they are written', () => {
    const net = '2001:db8:abcd:12::/64';
    for (const ip of [
      '2001:db8:abcd:12::1',
      '2001:0db8:abcd:0012:0000:0000:0000:0001',
      '2001:DB8:ABCD:12:ffff:ffff:ffff:ffff',
      '[2001:db8:abcd:12::9]',
      'fe80::1%eth0'.replace('fe80::1', '2001:db8:abcd:12::1'),
      '2001:db8:abcd:12:1:2:3.4.5.6',
    ]) {
      expect(clientNetwork(ip)).toBe(net);
    }
    expect(clientNetwork('2001:db8:abcd:13::1')).toBe('2001:db8:abcd:13::/64');
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
    expect(clientNetwork('2001:db8::')).toBe('2001:db8:0:0::/64');
    expect(clientNetwork('::2001:db8:1:2:3')).toBe('0:0:0:2001::/64');
  });

  it('refuses what is not an address', () => {
    for (const v of ['', 'localhost', '1.2.3', '999.1.1.1', '2001:db8::1::2', 'unknown']) expect(clientNetwork(v)).toBeNull();
  });
});

describe('parseSignInLimits', () => {
  it('reads account and IP limits', () => {
    expect(parseSignInLimits('account:5/900,ip:20/900')).toEqual([
      { scope: 'account', points: 5, seconds: 900 },
      { scope: 'ip', points: 20, seconds: 900 },
    ]);
    expect(parseSignInLimits(' OFF ')).toEqual([]);
  });
  it('fails loudly on anything it cannot read', () => {
    for (const v of ['account:5', 'email:5/900', 'account:0/900', 'ip:20/0', 'ip:x/900']) expect(() => parseSignInLimits(v)).toThrow(/SIGN_IN_LIMITS/);
  });
});

describe('tooManyAttemptsMessage', () => {
  it('rounds the wait up to whole minutes', () => {
    expect(tooManyAttemptsMessage(15 * 60)).toBe('Too many sign-in attempts. Try again in 15 minutes.');
    expect(tooManyAttemptsMessage(14 * 60 + 1)).toBe('Too many sign-in attempts. Try again in 15 minutes.');
    expect(tooManyAttemptsMessage(90)).toBe('Too many sign-in attempts. Try again in 2 minutes.');
    expect(tooManyAttemptsMessage(5)).toBe('Too many sign-in attempts. Try again in 1 minute.');
  });
});
