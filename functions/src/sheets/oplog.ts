/**
 * The operation log (操作日志, DESIGN §7): every export and every import commit is a record of its
 * own — who, what, which filter, how many rows — written as a RecordStore event (hash-chained like
 * every other change). It sits in the jurisdiction of the scope the operation covered, so a
 * supervisor sees the operations on their subtree and an admin at the root sees all.
 */
import { z } from '@hono/zod-openapi';
import { localDateSchema, type Role } from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import type { Principal } from '../auth/principal.js';
import { listScope } from '../services/jurisdiction.js';
import { equalsFilters, pageRange, unitPageFields } from '../services/lists.js';
import { Tx } from '../store/tx.js';

export interface OperationEntry {
  id: string;
  at: string;
  actorId: string;
  actorName: string;
  role: Role;
  /** export | import */
  action: 'export' | 'import';
  /** What was exported or imported: a list name, ranking-snapshot, bulletin, rectification-ledger. */
  target: string;
  /** The filter as given (query parameters), or the file name of an import. */
  filter: Record<string, string>;
  rows: number;
  /** complete, or failed (the stream broke off; rows is what was sent). */
  outcome: 'complete' | 'failed';
  /** The unit whose subtree the operation covered. */
  scopeUnitId: string;
}

export const operationEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string(),
    actorName: z.string(),
    role: z.string(),
    action: z.enum(['export', 'import']),
    target: z.string(),
    filter: z.record(z.string(), z.string()),
    rows: z.number(),
    outcome: z.enum(['complete', 'failed']),
    scopeUnitId: z.string(),
  })
  .openapi('OperationEntry');

/** Writes one entry (its own transaction; nothing else changes with it). */
export async function logOperation(
  deps: Deps,
  p: Principal,
  role: Role,
  entry: Omit<OperationEntry, 'id' | 'actorId' | 'actorName' | 'role'>,
): Promise<OperationEntry> {
  const id = deps.newId();
  const data: OperationEntry = { id, actorId: p.id, actorName: p.name, role, ...entry };
  const unitPath = (await deps.units.pathOf(entry.scopeUnitId)) ?? (await deps.units.pathOf(p.unitId));
  const tx = new Tx(deps.tableName);
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
  await tx.commit(deps.doc);
  return data;
}

export const operationLogQuerySchema = z.strictObject({
  ...unitPageFields(),
  action: z.enum(['export', 'import']).optional(),
  target: z
    .string()
    .regex(/^[a-z-]{1,40}$/)
    .optional(),
  from: localDateSchema.optional(),
  to: localDateSchema.optional(),
});
export type OperationLogQuery = z.infer<typeof operationLogQuerySchema>;

/** Newest first, in the caller's jurisdiction (or a unit's subtree inside it). */
export async function listOperations(deps: Deps, p: Principal, q: OperationLogQuery) {
  const page = await deps.store.list<OperationEntry>('oplog', {
    unitPathPrefix: await listScope(deps, p, q.unitId),
    filters: equalsFilters({ action: q.action, target: q.target }),
    limit: q.limit,
    ...pageRange(p, q),
  });
  return { items: page.items.map((s) => s.data), cursor: page.cursor };
}
