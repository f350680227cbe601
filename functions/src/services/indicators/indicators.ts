/**
 * 考核指标: per unit and year, a target, an optional quarterly cumulative plan and the actuals reported.
 * Supervisors set targets and plans; a unit officer reports actuals for their own unit. Every write moves
 * the unit's quarterly aggregates (task lines) in the same transaction, from the before/after facts.
 */
import { type Indicator, indicatorFacts, indicatorSchema } from '@jiandu/shared';
import type {
  IndicatorChange,
  IndicatorListQuery,
  IndicatorView,
  indicatorInputSchema,
  Page,
} from '@jiandu/shared/api';
import type * as z from '@jiandu/shared/zod';
import { type Deps, nowIso } from '../../app/deps.js';
import { EdgeError } from '../../app/edge-error.js';
import { assertCan, holds, type Principal } from '../../auth/principal.js';
import type { Actor, StoredRecord } from '../../store/record-store.js';
import { Tx } from '../../store/tx.js';
import { listScope, readVisible, writableUnitPath } from '../org/jurisdiction.js';
import { commitOne, type ItemWrite } from '../records/commit.js';
import { assertVersion, commitOrConflict } from '../records/conflict.js';
import { type IdemRef, replay, type StoredResponse } from '../records/idempotency.js';
import { commitCreate } from '../records/ingest.js';
import { pagingOf } from '../records/lists.js';
import { putNaturalKey } from '../records/natural-keys.js';

const view = (s: StoredRecord<Indicator>): IndicatorView => ({ ...s.data, version: s.version });

const index = (i: Indicator, unitPath: string) => ({
  unitPath,
  listSort: String(i.year),
  unit: { unitId: i.unitId, sort: String(i.year) },
  extra: { year: i.year },
});

const supervisorOnly = (p: Principal, _what: string) => assertCan(p, 'indicator.manage');

export async function createIndicator(
  deps: Deps,
  p: Principal,
  input: z.output<typeof indicatorInputSchema>,
  idem: IdemRef | null,
): Promise<StoredResponse<IndicatorView>> {
  const first = await replay<IndicatorView>(deps, idem);
  if (first) return first;
  supervisorOnly(p, 'set targets');
  const unitPath = await writableUnitPath(deps, p, input.unitId);
  const indicator: Indicator = indicatorSchema.parse({ ...input, id: deps.newId() });
  const at = await nowIso(deps);
  const tx = new Tx(deps.tableName);
  const created = indicatorCreation(deps, indicator, unitPath, { id: p.id, role: 'supervisor' }, at);
  created.write(tx, '');
  const response: StoredResponse<IndicatorView> = { status: 201, body: { ...indicator, version: 1 } };
  return commitCreate(deps, tx, created.changes, response, idem, null);
}

/**
 * The writes of a new indicator, live or from the past. A past one (the past-records import) carries
 * `occurredAt` (the end of the last quarter it reports an actual for), the import's note as the event's
 * reason, and its natural key (unit, year and name: importing it again is a duplicate).
 */
export function indicatorCreation(
  deps: Deps,
  indicator: Indicator,
  unitPath: string,
  actor: Actor,
  at: string,
  past?: { occurredAt: string | null; externalId: string; note: string },
): ItemWrite<Indicator> {
  return {
    result: indicator,
    size: 2 + (past ? 1 : 0),
    changes: [{ before: null, after: indicatorFacts(indicator) }],
    write: (tx, prefix) => {
      deps.store.write(tx, {
        type: 'indicator',
        id: indicator.id,
        before: null,
        data: indicator,
        index: index(indicator, unitPath),
        actor,
        at,
        ...(past?.occurredAt ? { occurredAt: past.occurredAt } : {}),
        action: 'indicator.create',
        reason: past?.note ?? null,
        labelPrefix: prefix,
      });
      if (past)
        putNaturalKey(tx, `${prefix}nk`, 'indicator', PAST_INDICATOR_SOURCE, past.externalId, indicator.id);
    },
  };
}

/** The natural-key source of indicators from the past-records import. */
export const PAST_INDICATOR_SOURCE = 'history';

export async function getIndicator(deps: Deps, p: Principal, id: string): Promise<IndicatorView> {
  return view(await readVisible<Indicator>(deps, p, 'indicator', id));
}

export async function changeIndicator(
  deps: Deps,
  p: Principal,
  id: string,
  change: IndicatorChange,
): Promise<IndicatorView> {
  const before = await readVisible<Indicator>(deps, p, 'indicator', id);
  const { expectedVersion, ...fields } = change;
  // Whoever manages indicators (sets targets) may change every field; others who report actuals, only those.
  const isSupervisor = holds(p, 'indicator.manage');
  if (!isSupervisor) {
    assertCan(p, 'indicator.report');
    const other = (['name', 'measure', 'target', 'plan'] as const).find((f) => fields[f] !== undefined);
    if (other)
      throw new EdgeError('auth.forbidden', 'unit officers report actuals only; supervisors set targets', {
        field: other,
      });
  }
  assertVersion(expectedVersion, before, () => view(before));
  const after: Indicator = indicatorSchema.parse({
    ...before.data,
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
  });
  const tx = new Tx(deps.tableName);
  const { stored } = deps.store.write(tx, {
    type: 'indicator',
    id,
    before,
    data: after,
    index: index(after, before.unitPath ?? ''),
    actor: { id: p.id, role: isSupervisor ? 'supervisor' : 'unit_officer' },
    at: await nowIso(deps),
    action: isSupervisor ? 'indicator.update' : 'indicator.reportActuals',
  });
  await commitOrConflict(
    () => commitOne(deps, tx, [{ before: indicatorFacts(before.data), after: indicatorFacts(after) }]),
    async () => {
      const now = await deps.store.get<Indicator>('indicator', id);
      return now ? view(now) : null;
    },
  );
  return view(stored);
}

/** Indicators in the caller's jurisdiction (or a unit's subtree inside it), newest year first. */
export async function listIndicators(
  deps: Deps,
  p: Principal,
  q: IndicatorListQuery,
): Promise<Page<IndicatorView>> {
  const page = await deps.store.list<Indicator>('indicator', {
    unitPathPrefix: await listScope(deps, p, q.unitId),
    limit: q.limit,
    ...pagingOf(p, q),
    ...(q.year !== undefined ? { from: String(q.year), to: String(q.year) } : {}),
  });
  return { items: page.items.map(view), cursor: page.cursor };
}
