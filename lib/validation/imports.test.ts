import { describe, expect, it } from 'vitest';
import { IMPORT_SITE_URL_MESSAGE, importSiteUrlSchema } from './imports';

describe('the Ghost site address on /admin/import', () => {
  it('takes an http(s) address, trimmed, and a blank field as none', () => {
    expect(importSiteUrlSchema.parse('  https://blog.example.com/ ')).toBe('https://blog.example.com/');
    expect(importSiteUrlSchema.parse('http://127.0.0.1:2368')).toBe('http://127.0.0.1:2368');
    expect(importSiteUrlSchema.parse('')).toBeNull();
    expect(importSiteUrlSchema.parse(undefined)).toBeNull();
  });

  it('refuses what is not a web address, with a message that says what to give', () => {
    for (const bad of ['blog.example.com', 'javascript:alert(1)', 'ftp://files.example.com', 'https://user:pw@blog.example.com', `https://${'a'.repeat(500)}.com`]) {
      const r = importSiteUrlSchema.safeParse(bad);
      expect(r.success, bad).toBe(false);
    }
    expect(importSiteUrlSchema.safeParse('blog.example.com').error?.issues[0]?.message).toBe(IMPORT_SITE_URL_MESSAGE);
  });
});
