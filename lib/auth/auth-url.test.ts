import { describe, expect, it } from 'vitest';
import { productionUrlProblem, secureAuthCookies, sessionCookieName } from './auth-url';

describe('production site address', () => {
  it('refuses to start without an https SITE_URL or NEXTAUTH_URL, saying what to set', () => {
    expect(productionUrlProblem({})).toMatch(/without SITE_URL \(or NEXTAUTH_URL\).*https:\/\/news\.example\.com/);
    expect(productionUrlProblem({ SITE_URL: 'http://news.example.com' })).toMatch(/SITE_URL=http:\/\/news\.example\.com: it must be the site's public https address/);
    expect(productionUrlProblem({ SITE_URL: 'https://news.example.com', NEXTAUTH_URL: 'http://news.example.com' })).toMatch(/NEXTAUTH_URL=/);
    expect(productionUrlProblem({ NEXTAUTH_URL: 'news.example.com' })).toMatch(/NEXTAUTH_URL=news\.example\.com/);
    expect(productionUrlProblem({ SITE_URL: 'javascript:alert(1)' })).not.toBeNull();
  });

  it('accepts https addresses', () => {
    expect(productionUrlProblem({ SITE_URL: 'https://news.example.com' })).toBeNull();
    expect(productionUrlProblem({ NEXTAUTH_URL: 'https://news.example.com/', SITE_URL: ' https://www.example.com ' })).toBeNull();
  });

  it('uses Secure, prefixed cookies exactly when the address is https', () => {
    expect(secureAuthCookies({ SITE_URL: 'https://news.example.com' })).toBe(true);
    expect(secureAuthCookies({ NEXTAUTH_URL: 'https://a.example', SITE_URL: 'http://b.example' })).toBe(true);
    expect(secureAuthCookies({ SITE_URL: 'http://127.0.0.1:3000' })).toBe(false);
    expect(secureAuthCookies({})).toBe(false);
    expect(sessionCookieName(true)).toBe('__Secure-next-auth.session-token');
    expect(sessionCookieName(false)).toBe('next-auth.session-token');
  });
});
