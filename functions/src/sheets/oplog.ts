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
import { z } from '@hono/zod-openapi';
import { localDateSchema, type OperationAction, operationAction, type Role } from '@jiandu/shared';
import { type Deps, nowIso } from '../app/deps.js';
import { actingRole, type Principal } from '../auth/principal.js';
import { listScope } from '../services/jurisdiction.js';
import { equalsFilters, pageRange, unitPageFields } from '../services/lists.js';
import { Tx } from '../store/tx.js';

export interface OperationEntry {
  id: string;
  at: string;
  actorId: string;
  actorName: string;
  /** The actor's role ('system' for a start-up's first administrators or an unknown sign-in name). */
  role: Role | 'system';
  action: OperationAction;
  /**
   * What was acted on: a list name, ranking-snapshot, bulletin, rectification-ledger (exports, imports),
   * petition (a reveal), operation-log (a read of the log).
   */
  target: string;
  /** The filter as given (query parameters), the file name of an import, or the record revealed. */
  filter: Record<string, string>;
  /** Why (a reveal's reason). */
  reason?: string;
  rows: number;
  /** complete, or failed (the stream broke off; rows is what was sent). */
  /**
   * complete, or failed (the stream broke off; rows is what was sent; a failed sign-in), or refused (a
   * sign-in throttled, locked or of a disabled account).
   */
  outcome: 'complete' | 'failed' | 'refused';
  /** The unit whose subtree the operation covered. */
  scopeUnitId: string;
  /** The account an account event is about (its id when the name is known, and the name). */
  subject?: { id: string | null; username: string };
  /** More about an account event: new roles, the reason a sign-in failed … (never a secret). */
  detail?: Record<string, string>;
}

export const operationEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string(),
    actorName: z.string(),
    role: z.string(),
    action: operationAction.schema,
    target: z.string(),
    filter: z.record(z.string(), z.string()),
    reason: z.string().optional(),
    rows: z.number(),
    outcome: z.enum(['complete', 'failed', 'refused']),
    scopeUnitId: z.string(),
    subject: z.object({ id: z.string().nullable(), username: z.string() }).optional(),
    detail: z.record(z.string(), z.string()).optional(),
  })
  .openapi('OperationEntry');

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

export const operationLogQuerySchema = z.strictObject({
  ...unitPageFields(),
  action: operationAction.schema.optional(),
  target: z
    .string()
    .regex(/^[a-z-]{1,40}$/)
    .optional(),
  from: localDateSchema.optional(),
  to: localDateSchema.optional(),
});
export type OperationLogQuery = z.infer<typeof operationLogQuerySchema>;

/**
 * Newest first, in the caller's jurisdiction (or a unit's subtree inside it). The read is itself logged
 * (who, which filter, how many entries) before the page is answered: no read of the log goes unrecorded.
 */
export async function listOperations(deps: Deps, p: Principal, q: OperationLogQuery) {
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
