import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('people, posts and users', () => {
  it('lets an admin record posts and anyone in the jurisdiction read them', async () => {
    const admin = await h.token('admin', 'city');
    const res = await h.call('POST', '/api/v1/tenures', {
      token: admin,
      body: {
        tenure: {
          id: 'ten-1',
          personId: 'per-1',
          unitId: 'ds-a',
          post: 'principal',
          from: '2024-01-01',
          to: null,
        },
        personName: '王建国',
      },
    });
    expect(res.status).toBe(201);
    const viewer = await h.token('viewer');
    const list = (await (await h.call('GET', '/api/v1/units/ds-a/tenures', { token: viewer })).json()) as {
      items: { personId: string }[];
      names: Record<string, string>;
    };
    // The holder by name beside the id.
    expect(list.names).toEqual({ 'per-1': '王建国' });
    expect(list.items.map((t) => t.personId)).toEqual(['per-1']);
    const outsider = await h.token('viewer', 'xs');
    expect((await h.call('GET', '/api/v1/units/ds-a/tenures', { token: outsider })).status).toBe(404);
  });

  it('ends a post and corrects its title as an admin, an event with the reason; refuses an end before the start', async () => {
    const admin = await h.token('admin', 'city');
    const created = await h.call('POST', '/api/v1/tenures', {
      token: admin,
      body: {
        tenure: {
          id: 'ten-3',
          personId: 'per-3',
          unitId: 'ds-c',
          post: 'principal',
          from: '2024-03-01',
          to: null,
        },
        personName: '赵志强',
      },
    });
    expect(created.status).toBe(201);
    const ended = await h.call('PATCH', '/api/v1/tenures/ten-3', {
      token: admin,
      body: { to: '2025-04-30', title: '党委书记', reason: '调任县农业农村局' },
    });
    expect(ended.status).toBe(200);
    expect(await ended.json()).toMatchObject({ id: 'ten-3', to: '2025-04-30', title: '党委书记' });
    const events = await h.deps.store.history('tenure', 'ten-3');
    expect(events.map((e) => [e.action, e.reason ?? null])).toEqual([
      ['tenure.create', null],
      ['tenure.update', '调任县农业农村局'],
    ]);
    const early = await h.call('PATCH', '/api/v1/tenures/ten-3', {
      token: admin,
      body: { to: '2024-02-01', reason: '更正' },
    });
    expect(early.status).toBe(400);
    expect(await early.json()).toMatchObject({ field: 'to' });
    const supervisor = await h.token('supervisor');
    expect(
      (await h.call('PATCH', '/api/v1/tenures/ten-3', { token: supervisor, body: { to: null, reason: 'x' } }))
        .status,
    ).toBe(403);
    expect(
      (await h.call('PATCH', '/api/v1/tenures/nothing', { token: admin, body: { to: null, reason: 'x' } }))
        .status,
    ).toBe(404);
    // Nothing changed by the refused ones.
    expect((await h.deps.store.get<{ to: string }>('tenure', 'ten-3'))!.data.to).toBe('2025-04-30');
  });

  it('refuses posts from anyone but an admin, and a tenure that ends before it starts', async () => {
    const supervisor = await h.token('supervisor');
    const body = {
      tenure: {
        id: 'ten-2',
        personId: 'per-2',
        unitId: 'ds-b',
        post: 'deputy_in_charge',
        from: '2024-01-01',
        to: null,
      },
      personName: '李红梅',
    };
    expect((await h.call('POST', '/api/v1/tenures', { token: supervisor, body })).status).toBe(403);
    const admin = await h.token('admin', 'city');
    const bad = await h.call('POST', '/api/v1/tenures', {
      token: admin,
      body: { ...body, tenure: { ...body.tenure, to: '2023-12-31' } },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { field: string }).field).toBe('tenure/to');
  });

  it('lets an admin create a user who can then sign in, and refuses a taken name', async () => {
    const admin = await h.token('admin', 'city');
    const body = {
      username: 'new-officer',
      name: '新联络员',
      roles: ['unit_officer'],
      unitId: 'ds-a',
      password: 'long-enough-1',
    };
    expect((await h.call('POST', '/api/v1/users', { token: admin, body })).status).toBe(201);
    expect((await h.call('POST', '/api/v1/users', { token: admin, body })).status).toBe(409);
    const signIn = await h.call('POST', '/api/v1/auth/sign-in', {
      body: { username: 'new-officer', password: 'long-enough-1' },
    });
    expect(signIn.status).toBe(200);
    // The administrator chose the password: the user must change it before anything else.
    expect(((await signIn.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(
      true,
    );
    const wrong = await h.call('POST', '/api/v1/auth/sign-in', {
      body: { username: 'new-officer', password: 'nope-nope' },
    });
    expect(wrong.status).toBe(401);
    const users = (await (await h.call('GET', '/api/v1/users', { token: admin })).json()) as {
      items: { username: string }[];
    };
    expect(users.items.map((u) => u.username)).toContain('new-officer');
    expect(JSON.stringify(users)).not.toContain('scrypt');
  });
});
