/**
 * Account events in the operation log (操作日志): who (the actor, or the name tried when no one is
 * known), which account, what happened and how it ended — never a password or a token.
 */
import type { OperationAction, Role } from '@jiandu/shared';
import { type Deps, nowIso } from '../../app/deps.js';
import { logOperation, type OperationEntry } from '../../sheets/oplog.js';

export interface AccountActor {
  id: string;
  name: string;
  unitId: string;
  role: Role | 'system';
}

export const SYSTEM_ACCOUNT_ACTOR = (unitId: string): AccountActor => ({
  id: 'system',
  name: 'system',
  unitId,
  role: 'system',
});

/** The root of the unit tree (the scope of events about names no one holds). */
export async function rootUnitId(deps: Deps): Promise<string> {
  const tree = await deps.units.tree();
  for (const u of tree.byId.values()) if (u.parentId === null) return u.id;
  return '';
}

export async function logAccountEvent(
  deps: Deps,
  actor: AccountActor,
  e: {
    action: OperationAction;
    subject: { id: string | null; username: string };
    /** The subject's home unit (the entry sits in its jurisdiction); the root when unknown. */
    unitId: string | null;
    outcome?: OperationEntry['outcome'];
    detail?: Record<string, string>;
  },
): Promise<void> {
  const scopeUnitId = e.unitId ?? (await rootUnitId(deps));
  await logOperation(deps, actor, actor.role, {
    at: await nowIso(deps),
    action: e.action,
    target: 'account',
    filter: {},
    rows: 0,
    outcome: e.outcome ?? 'complete',
    scopeUnitId,
    subject: e.subject,
    ...(e.detail ? { detail: e.detail } : {}),
  });
}
