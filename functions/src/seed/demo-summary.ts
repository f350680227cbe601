/**
 * What the seeded demo shows, read back through the API as the city's supervisor (who sees all of it):
 * alerts by rule, proposed cases by trigger, cards, the triage queue. One log line each, so a first
 * `npm start` says what there is to look at.
 */
import type { ApiClient } from './demo-api.js';

const WHO = 'city-supervisor';

async function all<T>(api: ApiClient, path: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const url: string = `${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res: { ok: boolean; body: { items: T[]; cursor: string | null } } = await api.call<{
      items: T[];
      cursor: string | null;
    }>(WHO, 'GET', url);
    if (!res.ok) break;
    out.push(...res.body.items);
    cursor = res.body.cursor;
  } while (cursor);
  return out;
}

const countBy = <T>(xs: readonly T[], key: (x: T) => string): string =>
  Object.entries(
    xs.reduce<Record<string, number>>((acc, x) => {
      const k = key(x);
      acc[k] = (acc[k] ?? 0) + 1;
      return acc;
    }, {}),
  )
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

export async function summarize(api: ApiClient): Promise<string[]> {
  const alerts = await all<{ rule: string }>(api, '/api/v1/alerts');
  const cases = await all<{ trigger: { kind: string } }>(api, '/api/v1/cases');
  const cards = await all<{ quarter: string; unitId: string; withdrawn: unknown }>(api, '/api/v1/cards');
  const triage = await all<unknown>(api, '/api/v1/signals/triage');
  const issued = cards.filter((c) => c.withdrawn === null);
  return [
    `alerts: ${alerts.length} (${countBy(alerts, (a) => a.rule)})`,
    `cases: ${cases.length} (${countBy(cases, (c) => c.trigger.kind)})`,
    `cards: ${issued.length} in force (${issued
      .map((c) => `${c.quarter} ${c.unitId}`)
      .sort()
      .join(', ')}), ${cards.length - issued.length} withdrawn; triage queue: ${triage.length}`,
  ];
}
