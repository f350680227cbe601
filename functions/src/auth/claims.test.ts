import { describe, expect, it } from 'vitest';
import { claimAt, principalClaims, usernameOf } from './claims.js';

describe('claims → roles and home unit', () => {
  it.each([
    ['Jiandu’s own claims', { roles: ['supervisor'], unit: 'ds' }, {}, ['supervisor']],
    [
      'Cognito groups',
      { 'cognito:groups': ['inspector'], unit: 'ds' },
      { rolesClaim: 'cognito:groups' },
      ['inspector'],
    ],
    [
      'Keycloak realm roles by a dot path',
      { realm_access: { roles: ['offline_access', 'reviewer'] }, unit: 'ds' },
      { rolesClaim: 'realm_access.roles' },
      ['reviewer'],
    ],
    [
      'Keycloak groups through a role map',
      { groups: ['/jiandu/supervisor', '/jiandu/viewer', '/other'], unit: 'ds' },
      {
        rolesClaim: 'groups',
        roleMap: { '/jiandu/supervisor': 'supervisor', '/jiandu/viewer': 'viewer' } as const,
      },
      ['supervisor', 'viewer'],
    ],
    ['a space-separated string', { roles: 'viewer supervisor', unit: 'ds' }, {}, ['viewer', 'supervisor']],
  ] as const)('maps %s', (_n, payload, mapping, roles) => {
    expect(principalClaims(payload, mapping)).toEqual({ roles, unitId: 'ds' });
  });

  it.each([
    ['no known role', { roles: ['root'], unit: 'ds' }],
    ['no unit', { roles: ['supervisor'] }],
    ['an empty unit', { roles: ['supervisor'], unit: '' }],
    ['two administrator roles (三员分立)', { roles: ['admin', 'audit_admin'], unit: 'city' }],
    ['a role map that maps nothing', { roles: ['supervisor'], unit: 'ds', map: true }],
  ])('gives no access with %s', (_n, payload) => {
    const mapping = 'map' in payload ? { roleMap: { other: 'viewer' as const } } : {};
    expect(principalClaims(payload, mapping)).toBeNull();
  });

  it('reads a claim whose name holds a dot whole before it walks the path', () => {
    expect(claimAt({ 'a.b': 1, a: { b: 2 } }, 'a.b')).toBe(1);
    expect(claimAt({ a: { b: 2 } }, 'a.b')).toBe(2);
    expect(claimAt({ a: 3 }, 'a.b')).toBeUndefined();
  });
});

describe('claims → the username of the Jiandu account', () => {
  it.each([
    ['preferred_username by default, lower-cased', { preferred_username: 'Zhang.Sup' }, {}, 'zhang.sup'],
    [
      'Cognito’s',
      { 'cognito:username': 'zhang', preferred_username: 'x' },
      { usernameClaim: 'cognito:username' },
      'zhang',
    ],
    ['none when absent', { sub: 'abc' }, {}, undefined],
    ['none when blank', { preferred_username: '  ' }, {}, undefined],
    ['none when not a string', { preferred_username: ['a'] }, {}, undefined],
  ])('%s', (_label, payload, mapping, expected) => {
    expect(usernameOf(payload, mapping)).toBe(expected);
  });
});
