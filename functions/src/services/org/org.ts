/** Units, people and posts (admin). Units are few; the directory caches them. */
import { type Tenure, type Unit, UnitTree } from '@jiandu/shared';
import { type Deps, nowIso } from '../../app/deps.js';
import { EdgeError, notFound } from '../../app/edge-error.js';
import { assertCan, type Principal } from '../../auth/principal.js';
import { partitions } from '../../store/keys.js';
import { type Actor, SYSTEM_ACTOR } from '../../store/record-store.js';
import { Tx } from '../../store/tx.js';
import { scopeOf, writableUnitPath } from './jurisdiction.js';
import { unitPath } from './units.js';

const adminOnly = (p: Principal) => assertCan(p, 'unit.manage');

export async function createUnit(deps: Deps, p: Principal | null, unit: Unit): Promise<Unit> {
  if (p) adminOnly(p);
  const tree = await deps.units.tree();
  if (tree.has(unit.id)) throw new EdgeError('conflict.duplicate', `unit ${unit.id} exists`, { field: 'id' });
  if (unit.parentId !== null) {
    if (p) await writableUnitPath(deps, p, unit.parentId, 'parentId');
    else if (!tree.has(unit.parentId))
      throw new EdgeError('unit.notFound', 'unknown parent', { field: 'parentId' });
  } else if (p && tree.byId.size > 0) {
    throw new EdgeError('request.invalid', 'only the first unit may be a root', { field: 'parentId' });
  }
  const next = new UnitTree([...tree.byId.values(), unit]);
  const tx = new Tx(deps.tableName);
  writeNewUnit(deps, tx, unit, next, p ? { id: p.id, role: 'admin' } : SYSTEM_ACTOR, await nowIso(deps));
  await tx.commit(deps.doc);
  deps.units.adopt([...next.byId.values()]);
  return unit;
}

/** Adds a new unit (its state item and first event) to `tx`, filed under its path in `tree`. */
function writeNewUnit(deps: Deps, tx: Tx, unit: Unit, tree: UnitTree, actor: Actor, at: string): void {
  deps.store.write(tx, {
    type: 'unit',
    id: unit.id,
    before: null,
    data: unit,
    index: { unitPath: unitPath(tree, unit.id), listSort: unit.code },
    actor,
    at,
    action: 'unit.create',
  });
}

/**
 * Creates many units at once (seeds, imports, the bench): one directory reload, transactions of up to
 * 50 units (each a state item and its first event), recorded as `actor`'s (the system's by default).
 * Parents must come before children: a failure half-way then leaves no unit without its parent, and
 * the directory is reloaded whatever happened.
 */
export async function createUnits(
  deps: Deps,
  units: readonly Unit[],
  actor: Actor = SYSTEM_ACTOR,
): Promise<void> {
  const tree = new UnitTree([...(await deps.units.tree()).byId.values(), ...units]);
  const at = await nowIso(deps);
  try {
    for (let i = 0; i < units.length; i += 50) {
      const tx = new Tx(deps.tableName);
      for (const unit of units.slice(i, i + 50)) writeNewUnit(deps, tx, unit, tree, actor, at);
      await tx.commit(deps.doc);
    }
  } finally {
    deps.units.invalidate();
  }
}

export async function listUnits(deps: Deps, p: Principal): Promise<Unit[]> {
  const tree = await deps.units.tree();
  const scope = await scopeOf(deps, p);
  const out: Unit[] = [];
  for (const u of tree.byId.values()) if (unitPath(tree, u.id).startsWith(scope)) out.push(u);
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export async function createTenure(
  deps: Deps,
  p: Principal | null,
  t: Tenure,
  personName: string,
): Promise<Tenure> {
  if (p) adminOnly(p);
  const path = p ? await writableUnitPath(deps, p, t.unitId) : await deps.units.pathOf(t.unitId);
  if (!path) throw notFound('unit');
  const tx = new Tx(deps.tableName);
  const at = await nowIso(deps);
  const actor: Actor = p ? { id: p.id, role: 'admin' } : SYSTEM_ACTOR;
  const person = await deps.store.get('person', t.personId);
  if (!person) {
    deps.store.write(tx, {
      type: 'person',
      id: t.personId,
      before: null,
      data: { id: t.personId, name: personName },
      index: { listSort: personName, unitPath: path },
      actor,
      at,
      action: 'person.create',
    });
  }
  deps.store.write(tx, {
    type: 'tenure',
    id: t.id,
    before: null,
    data: t,
    index: { unitPath: path, unit: { unitId: t.unitId, sort: t.from }, listSort: t.from },
    actor,
    at,
    action: 'tenure.create',
  });
  await tx.commit(deps.doc);
  return t;
}

/**
 * Ends a post or corrects its title (the admin's 任职 table): the tenure as it then stands, written on the
 * version read, an event `tenure.update` with the reason. An end before the start is refused naming `to`.
 */
export async function updateTenure(
  deps: Deps,
  p: Principal,
  id: string,
  change: { to?: string | null | undefined; title?: string | null | undefined; reason: string },
): Promise<Tenure> {
  adminOnly(p);
  const before = await deps.store.get<Tenure>('tenure', id);
  if (!before) throw notFound('tenure');
  const path = await writableUnitPath(deps, p, before.data.unitId).catch(() => null);
  if (!path) throw notFound('tenure');
  const { title: _old, ...rest } = before.data;
  const title = change.title === undefined ? before.data.title : (change.title ?? undefined);
  const after: Tenure = {
    ...rest,
    ...(title ? { title } : {}),
    to: change.to === undefined ? before.data.to : change.to,
  };
  if (after.to !== null && after.to < after.from)
    throw new EdgeError('request.invalid', 'a tenure ends on or after it starts', { field: 'to' });
  const tx = new Tx(deps.tableName);
  deps.store.write(tx, {
    type: 'tenure',
    id,
    before,
    data: after,
    index: { unitPath: path, unit: { unitId: after.unitId, sort: after.from }, listSort: after.from },
    actor: { id: p.id, role: 'admin' },
    at: await nowIso(deps),
    action: 'tenure.update',
    reason: change.reason,
  });
  await tx.commit(deps.doc);
  return after;
}

export async function tenuresOf(deps: Deps, unitId: string): Promise<Tenure[]> {
  return (await deps.store.queryIndex<Tenure>(partitions.ofUnit('tenure', unitId))).map((s) => s.data);
}
