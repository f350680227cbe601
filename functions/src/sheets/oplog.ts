/**
 * The operation log (操作日志, DESIGN §7): every export, every import commit, every reveal of a
 * petitioner's identity and every read of the log itself is a record of its own — who, what, which
 * filter, how many rows — written as a RecordStore event (hash-chained like every other change). It
 * sits in the jurisdiction of the scope the operation covered; the audit administrator reads it.
 *
 * Retention: entries carry no TTL — they are kept for good, beyond the six months the Cybersecurity
 * Law (art. 21) asks for. They are links of hash chains that `verify` recomputes, so expiring them would
 * also break the proof that nothing was removed. The actions are one list in the core
 * (OPERATION_ACTION_LABELS), which the `action` filter covers.
 */
import type { Role } from '@jiandu/shared';
import type { OperationEntryView, OperationLogQuery, Page } from '@jiandu/shared/api';
import { type Deps, nowIso } from '../app/deps.js';
import { actingRole, type Principal } from '../auth/principal.js';
import { listScope } from '../services/org/jurisdiction.js';
import { equalsFilters, pageRange } from '../services/records/lists.js';
import { Tx } from '../store/tx.js';

/**
 * An entry as written: the shared answer's shape, its role narrowed to what the writer may put there
 * ('system' for a start-up's first administrators or an unknown sign-in name).
 */
export type OperationEntry = Omit<OperationEntryView, 'role'> & { role: Role | 'system' };

type EntryInput = Omit<OperationEntry, 'id' | 'actorId' | 'actorName' | 'role'>;

/** Adds one entry to `tx` (so an operation that changes a record logs in the same transaction). */
export async function writeOperation(
  deps: Deps,
  tx: Tx,
  p: Pick<Principal, 'id' | 'name' | 'unitId'>,
  role: Role | 'system',
  entry: EntryInput,
): Promise<OperationEntry> {
  const id = deps.newId();
  const data: OperationEntry = { id, actorId: p.id, actorName: p.name, role, ...entry };
  const unitPath = (await deps.units.pathOf(entry.scopeUnitId)) ?? (await deps.units.pathOf(p.unitId));
  deps.store.write(tx, {
    type: 'oplog',
    id,
    before: null,
    data,
    index: { unitPath, listSort: entry.at, extra: { action: entry.action, target: entry.target } },
    actor: { id: p.id, role },
    at: entry.at,
    action: `oplog.${entry.action}`,
  });
  return data;
}

/** Writes one entry (its own transaction; nothing else changes with it). */
export async function logOperation(
  deps: Deps,
  p: Pick<Principal, 'id' | 'name' | 'unitId'>,
  role: Role | 'system',
  entry: EntryInput,
): Promise<OperationEntry> {
  const tx = new Tx(deps.tableName);
  const data = await writeOperation(deps, tx, p, role, entry);
  await tx.commit(deps.doc);
  return data;
}

export type { OperationLogQuery };

/**
 * Newest first, in the caller's jurisdiction (or a unit's subtree inside it). The read is itself logged
 * (who, which filter, how many entries) before the page is answered: no read of the log goes unrecorded.
 */
export async function listOperations(
  deps: Deps,
  p: Principal,
  q: OperationLogQuery,
): Promise<Page<OperationEntry>> {
  const role = actingRole(p, 'oplog.read');
  const page = await deps.store.list<OperationEntry>('oplog', {
    unitPathPrefix: await listScope(deps, p, q.unitId),
    filters: equalsFilters({ action: q.action, target: q.target }),
    limit: q.limit,
    ...pageRange(p, q),
  });
  const items = page.items.map((s) => s.data);
  const given = { unitId: q.unitId, action: q.action, target: q.target, from: q.from, to: q.to };
  await logOperation(deps, p, role, {
    at: await nowIso(deps),
    action: 'oplog.read',
    target: 'operation-log',
    filter: {
      ...Object.fromEntries(Object.entries(given).filter((e): e is [string, string] => e[1] !== undefined)),
      ...(q.cursor ? { page: 'next' } : {}),
    },
    rows: items.length,
    outcome: 'complete',
    scopeUnitId: q.unitId ?? p.unitId,
  });
  return { items, cursor: page.cursor };
}
