import { describe, expect, it } from 'vitest';
import { ROLES, hasRole, type Role } from './roles';

describe('hasRole', () => {
  it('ranks ADMIN > EDITOR > AUTHOR > CONTRIBUTOR', () => {
    const allowed = (role: Role) => ROLES.filter((min) => hasRole(role, min));
    expect(allowed('CONTRIBUTOR')).toEqual(['CONTRIBUTOR']);
    expect(allowed('AUTHOR')).toEqual(['CONTRIBUTOR', 'AUTHOR']);
    expect(allowed('EDITOR')).toEqual(['CONTRIBUTOR', 'AUTHOR', 'EDITOR']);
    expect(allowed('ADMIN')).toEqual(['CONTRIBUTOR', 'AUTHOR', 'EDITOR', 'ADMIN']);
  });

  it('denies a missing or unknown role', () => {
    for (const min of ROLES) {
      expect(hasRole(undefined, min)).toBe(false);
      expect(hasRole(null, min)).toBe(false);
      expect(hasRole('SUPERUSER' as Role, min)).toBe(false);
    }
  });
});
