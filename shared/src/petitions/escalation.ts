/**
 * Escalated petitions (越级信访, DESIGN §4.3): received more than `normalLevelsAbove` (1) levels above the
 * responsible unit's own level, on the order village < township < county < city < province < national;
 * a department stands at the level of the government it belongs to (UnitTree.level). The own level and the
 * one above are the normal path (逐级); received below the own level is not escalated either.
 */
import type { GovLevel } from '../schemas/enums.js';
import type { Scheme } from '../scheme/scheme.js';
import { levelRank, type UnitTree } from '../units/unit-tree.js';

export const isEscalated = (
  levelReceived: GovLevel,
  responsibleUnitLevel: GovLevel,
  scheme: Scheme,
): boolean => levelRank(levelReceived) - levelRank(responsibleUnitLevel) > scheme.petitions.normalLevelsAbove;

/** The same, with the responsible unit's level read from the unit tree (`unit.notFound` if unknown). */
export const isPetitionEscalated = (
  p: { levelReceived: GovLevel; unitId: string },
  tree: Pick<UnitTree, 'level'>,
  scheme: Scheme,
): boolean => isEscalated(p.levelReceived, tree.level(p.unitId), scheme);
