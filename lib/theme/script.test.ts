import { describe, expect, it } from 'vitest';
import { THEME_SCRIPT, THEME_STORAGE_KEY } from './script.mjs';

/** Runs the inline script against a stand-in document and storage; returns the data-theme it set, if any. */
function run(stored: string | null | Error): string | undefined {
  const attrs = new Map<string, string>();
  const document = { documentElement: { setAttribute: (k: string, v: string) => void attrs.set(k, v) } };
  const localStorage = {
    getItem: (key: string) => {
      if (stored instanceof Error) throw stored;
      return key === THEME_STORAGE_KEY ? stored : null;
    },
  };
  new Function('document', 'localStorage', THEME_SCRIPT)(document, localStorage);
  return attrs.get('data-theme');
}

describe('the inline theme script', () => {
  it('applies a stored Light or Dark choice before paint', () => {
    expect(run('dark')).toBe('dark');
    expect(run('light')).toBe('light');
  });

  it('leaves System (nothing stored) and anything unexpected to the CSS, which follows the OS', () => {
    expect(run(null)).toBeUndefined();
    expect(run('"><script>')).toBeUndefined();
  });

  it('never throws when storage is blocked (private mode, sandboxed frames)', () => {
    expect(run(new Error('SecurityError'))).toBeUndefined();
  });

  it('is one constant text with nothing per request in it, so a CSP hash of it holds on every page', () => {
    expect(THEME_SCRIPT).not.toMatch(/<\/script|[\r\n]/);
    expect(THEME_SCRIPT.length).toBeLessThan(200);
  });
});
