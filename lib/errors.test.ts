import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors } from './errors';

describe('fieldErrors', () => {
  it('groups messages by field, including fields named like Object.prototype members', () => {
    const schema = z.object({ constructor: z.string(), toString: z.number(), name: z.string().min(2, 'Too short') }).strict();
    const parsed = schema.safeParse(JSON.parse('{"name":"a","extra":1}'));
    const out = fieldErrors(parsed.error!);
    expect(Object.keys(out).sort()).toEqual(['_form', 'constructor', 'name', 'toString']);
    expect(out.constructor).toEqual([expect.any(String)]);
    expect(out.name).toEqual(['Too short']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
