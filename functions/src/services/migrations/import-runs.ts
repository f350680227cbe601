/**
 * 迁移记录: what each committed migration import did, as a record of its own (hash-chained like every
 * other change), in the jurisdiction of the scope the importer covered. An import writes its run after
 * its rows; `checkImportRun` compares the stored aggregates of the run's quarters with a rebuild from the
 * records — the proof that moving a county in left the rankings' inputs exactly as its records say.
 */
import type { Role } from '@jiandu/shared';
import type { ImportRun, ImportRunCheck, ImportRunQuery, Page } from '@jiandu/shared/api';
import type { Deps } from '../../app/deps.js';
import { notFound } from '../../app/edge-error.js';
import type { Principal } from '../../auth/principal.js';
import { Tx } from '../../store/tx.js';
import { rebuildAggregates } from '../integrity/rebuild.js';
import { listScope, scopeOf } from '../org/jurisdiction.js';
import { readAggregates } from '../rankings/rankings.js';
import { equalsFilters, pageRange } from '../records/lists.js';

export type ImportRunInput = Omit<ImportRun, 'id' | 'importerId' | 'importerName'>;

/** Writes the run of a committed import; answers it. */
export async function recordImportRun(
  deps: Deps,
  p: Pick<Principal, 'id' | 'name' | 'unitId'>,
  role: Role,
  run: ImportRunInput,
): Promise<ImportRun> {
  const id = deps.newId();
  const data: ImportRun = {
    id,
    importerId: p.id,
    importerName: p.name,
    ...run,
    quarters: [...new Set(run.quarters)].sort(),
  };
  const unitPath = (await deps.units.pathOf(run.scopeUnitId)) ?? (await deps.units.pathOf(p.unitId));
  const tx = new Tx(deps.tableName);
  deps.store.write(tx, {
    type: 'importrun',
    id,
    before: null,
    data,
    index: { unitPath, listSort: run.at, extra: { kind: run.kind } },
    actor: { id: p.id, role },
    at: run.at,
    action: `import.${run.kind}`,
  });
  await tx.commit(deps.doc);
  return data;
}

/** Runs in the caller's jurisdiction (or a unit's subtree in it), newest first. */
export async function listImportRuns(deps: Deps, p: Principal, q: ImportRunQuery): Promise<Page<ImportRun>> {
  const page = await deps.store.list<ImportRun>('importrun', {
    unitPathPrefix: await listScope(deps, p, q.unitId),
    filters: equalsFilters({ kind: q.kind }),
    limit: q.limit,
    ...pageRange(p, q),
  });
  return { items: page.items.map((s) => s.data), cursor: page.cursor };
}

/**
 * The run's quarters, each: the units with an aggregate and those whose stored aggregate differs from
 * the rebuild. One scan of the table (the rebuild reads every scoring record): an administrator's check,
 * not a page a list shows.
 */
export async function checkImportRun(deps: Deps, p: Principal, id: string): Promise<ImportRunCheck> {
  const run = await deps.store.get<ImportRun>('importrun', id);
  if (!run?.unitPath?.startsWith(await scopeOf(deps, p))) throw notFound('import run');
  const report = await rebuildAggregates(deps);
  const quarters = [];
  for (const quarter of run.data.quarters) {
    const differences = report.differences
      .filter((d) => d.quarter === quarter)
      .map((d) => d.unitId)
      .sort();
    quarters.push({ quarter, units: (await readAggregates(deps, quarter)).size, differences });
  }
  return {
    id,
    quarters,
    equal: quarters.every((q) => q.differences.length === 0),
    records: report.records,
  };
}
