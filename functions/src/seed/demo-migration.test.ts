/**
 * The demo's 云溪县, moved in from spreadsheets through the API: its units and posts, a go-live date, and
 * a ledger of mostly closed rows — which raise nothing, while its two open rows overdue before go-live
 * alert from go-live; 迁移记录 lists both imports and each checks equal to a rebuild.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overdueSweep } from '../jobs/overdue-sweep.js';
import { createUser, type PublicUser } from '../services/accounts/users.js';
import { type Harness, startHarness } from '../testing/harness.js';
import { ApiClient } from './demo-api.js';
import { seedMigratedCounty, YUNXI, YUNXI_GO_LIVE } from './demo-migration.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: Date.parse('2026-11-20T01:00:00Z') });
});
afterAll(() => h.close());

describe('the demo county moved in from spreadsheets', () => {
  it('comes in whole, goes live on its date, and its closed history raises nothing', async () => {
    const users = new Map<string, PublicUser>();
    users.set(
      'admin',
      await createUser(h.deps, {
        username: 'admin',
        name: '系统管理员',
        roles: ['admin'],
        unitId: 'city',
        password: 'demo1234',
      }),
    );
    const api = new ApiClient(h.app, h.deps, users);
    const lines = await seedMigratedCounty(h.deps, api, users);
    expect([...api.refused.keys()]).toEqual([]);
    expect(lines.join('\n')).toContain('36 rectifications');
    expect(lines.join('\n')).toContain('6 findings, 4 petitions, 2 signals, 2 indicators');

    const tree = await h.deps.units.tree();
    const county = [...tree.byId.values()].find((u) => u.name === YUNXI)!;
    expect(tree.childrenOf(county.id)).toHaveLength(10);
    const scheme = await h.deps.scheme();
    expect(scheme.migration.goLive).toEqual([{ unitId: county.id, date: YUNXI_GO_LIVE }]);

    const sup = await api.signIn('yunxi-supervisor');
    const closed = await h.call('GET', '/api/v1/rectifications?state=closed&limit=100', { token: sup });
    expect(((await closed.json()) as { items: unknown[] }).items).toHaveLength(30);

    const swept = await overdueSweep(h.deps, { now: h.deps.clock() });
    // The 30 closed rows raise nothing; the two open rows past their September deadlines are overdue
    // from go-live (8 October): 43 days by 20 November — alert and escalation each, and a 慢作为 proposal.
    expect(swept.counts).toMatchObject({ overdue: 2, alertsRaised: 4, casesProposed: 2 });

    const runs = await h.call('GET', '/api/v1/migrations', { token: sup });
    const items = ((await runs.json()) as { items: { id: string; kind: string }[] }).items;
    expect(items.map((r) => r.kind)).toEqual(['history', 'ledger']);
    const check = await h.call('GET', `/api/v1/migrations/${items[0]!.id}/check`, { token: sup });
    expect(await check.json()).toMatchObject({ equal: true });
  });
});
