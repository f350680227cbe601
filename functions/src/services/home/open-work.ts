/**
 * The open rectifications of the caller's jurisdiction, read once for the home page: the figures (open,
 * overdue, lights), the officer's work and the leader's comparison of subordinate units all come from
 * this one read of the jurisdiction's due list (jd2–jd4, or jd1's shards for the root: the open ones
 * only) — never a scan. It reads
 * at most `HOME_OPEN_PAGES` pages of `HOME_OPEN_LIMIT`; beyond that the counts are lower bounds (`more`).
 */
import {
  daysOverdue,
  formatInstant,
  type Light,
  type Rectification,
  rectificationLight,
  type Scheme,
} from '@jiandu/shared';
import type { LightCounts, RectificationRow } from '@jiandu/shared/api';
import type { Deps } from '../../app/deps.js';
import type { Principal } from '../../auth/principal.js';
import type { StoredRecord } from '../../store/record-store.js';

// Choice: a page of 500 and at most 4 pages (≤ 2,000 open rectifications counted exactly); a larger
// jurisdiction shows "2000+" — the lists are a click away and count further.
export const HOME_OPEN_LIMIT = 500;
export const HOME_OPEN_PAGES = 4;

export interface OpenRow {
  row: RectificationRow;
  unitPath: string;
}

export interface OpenWork {
  rows: OpenRow[];
  /** True when the read stopped before the list ended. */
  more: boolean;
}

export const rowOf = (s: StoredRecord<Rectification>, at: string, scheme: Scheme): RectificationRow => ({
  ...s.data,
  daysOverdue: daysOverdue(s.data, at, scheme.timeZone),
  light: rectificationLight(s.data, at, scheme),
});

export async function readOpenWork(deps: Deps, p: Principal, scope: string): Promise<OpenWork> {
  const scheme = await deps.scheme();
  const at = formatInstant(deps.clock(), scheme.timeZone);
  const rows: OpenRow[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < HOME_OPEN_PAGES; i++) {
    // The due lists hold exactly the open rectifications (closed ones leave them): nothing read is
    // dropped by a filter, and the most overdue come first.
    const page = await deps.store.list<Rectification>('rectification', {
      unitPathPrefix: scope,
      order: 'due',
      limit: HOME_OPEN_LIMIT,
      caller: p.id,
      ...(cursor ? { cursor } : {}),
    });
    for (const s of page.items) rows.push({ row: rowOf(s, at, scheme), unitPath: s.unitPath ?? '' });
    cursor = page.cursor ?? undefined;
    if (!cursor) return { rows, more: false };
  }
  return { rows, more: true };
}

export const noLights = (): LightCounts => ({ red: 0, yellow: 0, green: 0 });

/** Open, overdue and by light, of the rows given. */
export function tally(rows: readonly OpenRow[]): { open: number; overdue: number; lights: LightCounts } {
  const lights = noLights();
  let overdue = 0;
  for (const { row } of rows) {
    if (row.daysOverdue > 0) overdue++;
    if (row.light) lights[row.light as Light]++;
  }
  return { open: rows.length, overdue, lights };
}

/** The officer's work: overdue first (most days first), then by deadline; closed work never. */
export const byUrgency = (a: RectificationRow, b: RectificationRow): number =>
  b.daysOverdue - a.daysOverdue || (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0);
