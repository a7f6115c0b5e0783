import { describe, expect, it } from 'vitest';
import { corsOriginsFormSchema } from './api-settings';

describe('the allowed-origins field', () => {
  it('takes one origin a line, ignoring blanks and duplicates', () => {
    expect(corsOriginsFormSchema.parse({ corsOrigins: 'https://a.example.com\r\n\n  http://localhost:5173 \nhttps://a.example.com' }).corsOrigins).toEqual([
      'https://a.example.com',
      'http://localhost:5173',
    ]);
    expect(corsOriginsFormSchema.parse({ corsOrigins: '' }).corsOrigins).toEqual([]);
  });
  it.each(['https://a.example.com/', 'https://a.example.com/app', '*', 'a.example.com', 'ftp://a.example.com', 'https://A.example.com'])(
    'refuses %j with a message saying what an origin looks like',
    (line) => {
      const r = corsOriginsFormSchema.safeParse({ corsOrigins: line });
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.message).toMatch(/origin such as https:\/\/app\.example\.com/);
    },
  );
});
