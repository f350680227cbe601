/**
 * Proof (DESIGN §4.4, §8): 50 concurrent transitions of one rectification → exactly one winner per
 * version, every loser a 409 problem+json carrying the current state, and the record's hash chain
 * verifies afterwards. Several rounds, each racing on the version the previous round produced.
 */
import { type Harness, startHarness } from '@jiandu/functions/testing';
import { type LedgerEvent, verifyChain } from '@jiandu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const RACERS = 50;
const ROUNDS = 4;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('racing transitions of one rectification', () => {
  it('has exactly one winner per version, losers get 409 with the current state, and the chain verifies', async () => {
    const inspector = await h.token('inspector');
    const officer = await h.token('unit_officer', 'ds-a');
    const created = await h.call('POST', '/api/v1/findings', {
      token: inspector,
      body: {
        unitId: 'ds-a',
        category: 'inaction',
        severity: 'general',
        source: 'inspection',
        description: '并发测试',
        discoveredOn: '2025-05-01',
      },
    });
    const { rectificationId: id } = (await created.json()) as { rectificationId: string };
    let version = 1;
    const winners: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const results = await Promise.all(
        Array.from({ length: RACERS }, (_, i) =>
          h.call('POST', `/api/v1/rectifications/${id}/actions`, {
            token: officer,
            body: {
              action:
                round === 0 ? { type: 'start' } : { type: 'addProgress', text: `第${round}轮 第${i}号` },
              expectedVersion: version,
            },
          }),
        ),
      );
      const ok = results.filter((r) => r.status === 200);
      const conflicts = results.filter((r) => r.status === 409);
      expect(ok).toHaveLength(1);
      expect(conflicts).toHaveLength(RACERS - 1);
      for (const c of conflicts) {
        expect(c.headers.get('content-type')).toContain('application/problem+json');
        const body = (await c.json()) as { code: string; current?: { version: number } };
        expect(body.code).toBe('conflict.version');
        expect(body.current?.version).toBeGreaterThanOrEqual(version + 1);
      }
      const won = (await ok[0]!.json()) as { version: number };
      expect(won.version).toBe(version + 1);
      winners.push(won.version);
      version = won.version;
    }
    console.info(
      `racing-transitions: ${RACERS} racers per round; versions ${winners.join(', ')}: one winner each, ${RACERS - 1} × 409`,
    );
    expect(winners).toEqual([2, 3, 4, 5]);
    const hist = await h.call('GET', `/api/v1/rectifications/${id}/events`, { token: officer });
    const { items } = (await hist.json()) as { items: LedgerEvent[] };
    expect(items.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(verifyChain(items, `rectification#${id}`).ok).toBe(true);
  });
});
