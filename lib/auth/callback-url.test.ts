import { describe, expect, it } from 'vitest';
import { DEFAULT_CALLBACK, resolveCallbackUrl } from './callback-url';

const SITE = 'https://news.example.com';

describe('resolveCallbackUrl', () => {
  it.each([
    ['/admin', '/admin'],
    ['/admin/articles/abc?tab=details#body', '/admin/articles/abc?tab=details#body'],
    ['/admin/articles?q=a%20b', '/admin/articles?q=a%20b'],
    ['admin/profile', '/admin/profile'],
    ['/', '/'],
    ['https://news.example.com/admin/media', '/admin/media'],
    ['HTTPS://NEWS.EXAMPLE.COM/admin/media', '/admin/media'],
    ['https://news.example.com', '/'],
    ['/admin/../admin/users', '/admin/users'],
    ['/%2e%2e/admin', '/admin'],
    // Sign-out returns to the sign-in page (which sends a signed-in visitor on, so it cannot loop).
    ['/login', '/login'],
  ])('keeps the same-origin %j as %j', (input, expected) => {
    expect(resolveCallbackUrl(input, SITE)).toBe(expected);
  });

  it.each([
    // Other origins, spelled every way a browser or proxy might read them.
    'https://evil.com',
    'https://evil.com/admin',
    'http://news.example.com/admin', // another scheme
    'https://news.example.com:8443/admin', // another port
    'https://news.example.com.evil.com/admin',
    'https://news.example.com@evil.com/admin',
    'https://user:pass@news.example.com/admin',
    '//evil.com',
    '//evil.com/admin',
    '///evil.com',
    '////evil.com',
    '/\\evil.com',
    '\\\\evil.com',
    '\\/evil.com',
    '/\\/evil.com',
    '/%5Cevil.com',
    '/%5cevil.com',
    '/%2F%2Fevil.com',
    '/%2f/evil.com',
    '%2F%2Fevil.com',
    '/%252F%252Fevil.com', // double-encoded
    '/%25252F%25252Fevil.com', // triple-encoded
    '/\t/evil.com',
    '/\n/evil.com',
    '/\r\n/evil.com',
    '/ /evil.com'.replace(' ', '\u00a0'),
    '/\u2028/evil.com',
    '/\ufeff/evil.com',
    '\u0000//evil.com',
    ' //evil.com',
    'https:evil.com',
    'https:/evil.com',
    'http:\\\\evil.com',
    // Script and data schemes.
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'javascript%3Aalert(1)'.replace('%3A', ':'),
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    // Malformed encodings and other non-paths.
    '/%',
    '/%E0%A4%A',
    '',
    'a'.repeat(2001),
  ])('sends %j to /admin', (input) => {
    expect(resolveCallbackUrl(input, SITE)).toBe(DEFAULT_CALLBACK);
  });

  it.each([undefined, null, 42, ['/admin'], { href: '/admin' }])('sends the non-string %j to /admin', (input) => {
    expect(resolveCallbackUrl(input, SITE)).toBe(DEFAULT_CALLBACK);
  });

  it('never returns anything but a path that starts with exactly one slash', () => {
    const tricky = ['/a', '//b', '/\\c', '/%2F/d', '/.//e', '/./\\f', '/..//g', '/%2e%2e//h', '/admin/..//evil.com'];
    for (const input of tricky) {
      const out = resolveCallbackUrl(input, SITE);
      expect(out).toMatch(/^\/(?![/\\])/);
      expect(new URL(out, SITE).origin).toBe(SITE);
    }
  });

  it('works with a site on a local port, as in development', () => {
    expect(resolveCallbackUrl('http://127.0.0.1:3100/admin/users', 'http://127.0.0.1:3100')).toBe('/admin/users');
    expect(resolveCallbackUrl('http://localhost:3100/admin/users', 'http://127.0.0.1:3100')).toBe(DEFAULT_CALLBACK);
  });
});
