import { describe, expect, it } from 'vitest';
import { role as roleEnum } from '../schemas/enums.js';
import { CAPABILITIES, can, capabilities, roleWithCapability } from './capabilities.js';
import { ADMINISTRATOR_ROLES, assertRoleSet } from './roles.js';

const codeOf = (f: () => void): string | undefined => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('the capability table', () => {
  it('gives every capability to at least one known role', () => {
    for (const cap of capabilities) {
      expect(CAPABILITIES[cap].length, cap).toBeGreaterThan(0);
      for (const r of CAPABILITIES[cap]) expect(roleEnum.codes).toContain(r);
    }
  });

  it('lets the audit administrator read the operation log and nothing of the programme', () => {
    const audit = capabilities.filter((c) => can(['audit_admin'], c));
    expect(audit).toEqual(['unit.read', 'scheme.read', 'oplog.read', 'self.inbox', 'self.account']);
    expect(CAPABILITIES['oplog.read']).toEqual(['audit_admin']);
  });

  it('gives roles and account states to the security administrator alone, users to the system administrator', () => {
    expect(capabilities.filter((c) => can(['security_admin'], c))).toEqual([
      'unit.read',
      'scheme.read',
      'user.read',
      'user.roles',
      'user.state',
      'account.policy',
      'self.inbox',
      'self.account',
    ]);
    expect(can(['admin'], 'user.create')).toBe(true);
    expect(can(['admin'], 'user.roles')).toBe(false);
    expect(can(['admin'], 'oplog.read')).toBe(false);
  });

  it('keeps petitions from everyone but supervisors and inspectors', () => {
    const readers = roleEnum.codes.filter((r) => can([r], 'petition.read'));
    expect(readers.sort()).toEqual(['inspector', 'supervisor']);
  });

  it('names the role an event is recorded under: the first of the caller’s roles that has it', () => {
    expect(roleWithCapability(['viewer', 'supervisor', 'inspector'], 'rectification.reopen')).toBe(
      'supervisor',
    );
    expect(roleWithCapability(['viewer'], 'rectification.reopen')).toBeNull();
  });
});

describe('三员分立: administrator roles are held alone', () => {
  it.each([
    [['admin', 'security_admin']],
    [['security_admin', 'audit_admin']],
    [['audit_admin', 'viewer']],
    [['admin', 'supervisor']],
  ] as const)('refuses %j', (roles) => {
    expect(codeOf(() => assertRoleSet(roles))).toBe('access.adminRolesExclusive');
  });

  it('accepts one administrator role alone, any set of working roles, and refuses none', () => {
    for (const r of ADMINISTRATOR_ROLES) expect(codeOf(() => assertRoleSet([r]))).toBeUndefined();
    expect(codeOf(() => assertRoleSet(['unit_officer', 'reviewer', 'viewer']))).toBeUndefined();
    expect(codeOf(() => assertRoleSet([]))).toBe('access.noRole');
  });
});
