/**
 * Live intake's check of a record's own instant (shared assertLiveInstant, DESIGN §4.7): the same rule
 * for findings, petitions and signals, with the server's clock, the scheme and the unit's 成立日期.
 */
import {
  assertLiveInstant,
  type LiveInstantField,
  type Scheme,
  type Unit,
  type UnitTree,
} from '@jiandu/shared';
import type { Deps } from '../../app/deps.js';

export function checkLiveInstant(
  deps: Deps,
  scheme: Scheme,
  tree: UnitTree<Unit>,
  unitId: string | null,
  field: LiveInstantField,
  value: string,
): void {
  const establishedOn = unitId === null ? undefined : tree.byId.get(unitId)?.establishedOn;
  assertLiveInstant(value, field, {
    nowMs: deps.clock(),
    rules: scheme.migration,
    timeZone: scheme.timeZone,
    establishedOn,
  });
}
