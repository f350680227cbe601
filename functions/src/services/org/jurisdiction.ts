/**
 * Jurisdiction (DESIGN §1, §6), in one place: a caller sees and writes records of their home unit's
 * subtree only. Outside it, a record is indistinguishable from a missing one (404).
 */

import type { Deps } from '../../app/deps.js';
import { EdgeError, notFound } from '../../app/edge-error.js';
import type { Principal } from '../../auth/principal.js';
import type { RecordType } from '../../store/keys.js';
import type { StoredRecord } from '../../store/record-store.js';

/** The caller's subtree path prefix. */
export async function scopeOf(deps: Deps, p: Principal): Promise<string> {
  const path = await deps.units.pathOf(p.unitId);
  if (!path) throw new EdgeError('auth.forbidden', 'the home unit of this account does not exist');
  return path;
}

export async function isVisible(deps: Deps, p: Principal, unitPath: string | null): Promise<boolean> {
  if (unitPath === null) return false;
  return unitPath.startsWith(await scopeOf(deps, p));
}

/** Throws 404 unless the record's unit is inside the caller's jurisdiction. */
export async function assertVisible(
  deps: Deps,
  p: Principal,
  unitPath: string | null,
  what: string,
): Promise<void> {
  if (!(await isVisible(deps, p, unitPath))) throw notFound(what);
}

/** A record inside the caller's jurisdiction: 404 when it is missing or outside it, alike. */
export async function readVisible<T>(
  deps: Deps,
  p: Principal,
  type: RecordType,
  id: string,
): Promise<StoredRecord<T>> {
  const rec = await deps.store.get<T>(type, id);
  if (!rec) throw notFound(type);
  await assertVisible(deps, p, rec.unitPath, type);
  return rec;
}

/**
 * The unit a write names must exist inside the caller's jurisdiction; otherwise it is reported as
 * not found on that field (`unit.notFound`), the same answer a unit that does not exist gets.
 */
export async function writableUnitPath(
  deps: Deps,
  p: Principal,
  unitId: string,
  field = 'unitId',
): Promise<string> {
  const path = await deps.units.pathOf(unitId);
  if (!path?.startsWith(await scopeOf(deps, p))) {
    throw new EdgeError('unit.notFound', `no unit ${unitId} in your jurisdiction`, { field });
  }
  return path;
}

/** The subtree a list covers: a unit's (which must be inside the jurisdiction), or the whole jurisdiction. */
export async function listScope(deps: Deps, p: Principal, unitId: string | undefined): Promise<string> {
  return unitId ? writableUnitPath(deps, p, unitId) : scopeOf(deps, p);
}
