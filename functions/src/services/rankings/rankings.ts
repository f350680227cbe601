/**
 * 季度排名 (DESIGN §4.2, §5): a draft ranking is computed from the quarter's aggregates alone — ONE
 * query of the quarter's aggregate partition, never raw records — so its cost grows with units, not
 * records. Peer groups come from the unit tree and the scheme, units with no records included (an empty
 * aggregate). Publishing freezes a snapshot, issues cards and proposes cases (see publication.ts-like
 * functions below); amendments supersede, both stay visible.
 */

import {
  emptyAggregate,
  type PeerGroupRef,
  parseQuarter,
  quarterBounds,
  type Ranking,
  rankGroup,
  type Scheme,
  scoreUnit,
  type Unit,
  type UnitQuarterAggregate,
  type UnitTree,
} from '@jiandu/shared';
import type { DraftResponse } from '@jiandu/shared/api';
import type { Deps } from '../../app/deps.js';
import { EdgeError } from '../../app/edge-error.js';
import type { Principal } from '../../auth/principal.js';
import { aggregateFromItem } from '../../store/aggregate-codec.js';
import { partitions } from '../../store/keys.js';
import { readPartition } from '../../store/table-ops.js';
import { scopeOf } from '../org/jurisdiction.js';

/** "county-townships@ds": a peer group's rule and parent unit, as one path-safe key. */
export const groupKeyOf = (g: PeerGroupRef): string => `${g.ruleId}@${g.parentUnitId}`;

export interface PeerGroup {
  group: PeerGroupRef;
  groupKey: string;
  memberIds: string[];
}

/**
 * Every peer group of the scheme over the unit tree (members with no records included) — of a quarter:
 * the tree as it stood on the quarter's last day (units that move and merge: a quarter ending before a
 * move's effective day keeps its groups; one ending on or after it has the new ones). Without a quarter:
 * the tree now.
 */
export function peerGroups(tree: UnitTree<Unit>, scheme: Scheme, quarter?: string): PeerGroup[] {
  return tree
    .peerGroups(
      scheme.peerGroups,
      quarter === undefined ? undefined : quarterBounds(parseQuarter(quarter)).last,
    )
    .map(({ group, memberIds }) => ({ group, groupKey: groupKeyOf(group), memberIds }));
}

/**
 * The aggregates of a quarter, by unit: one Query of the quarter's partition, all its pages. This is the
 * only read a ranking makes.
 */
export async function readAggregates(
  deps: Deps,
  quarter: string,
): Promise<Map<string, UnitQuarterAggregate>> {
  const out = new Map<string, UnitQuarterAggregate>();
  for (const item of await readPartition(deps, partitions.aggregates(quarter))) {
    const a = aggregateFromItem(item);
    out.set(a.unitId, a);
  }
  return out;
}

/** The inputs of a group's ranking: each member's aggregate, an empty one for a unit with no records. */
export const groupInputs = (
  g: PeerGroup,
  quarter: string,
  aggs: ReadonlyMap<string, UnitQuarterAggregate>,
): UnitQuarterAggregate[] => g.memberIds.map((id) => aggs.get(id) ?? emptyAggregate(id, quarter));

export function rankInputs(
  g: PeerGroup,
  quarter: string,
  inputs: readonly UnitQuarterAggregate[],
  scheme: Scheme,
): Ranking {
  return rankGroup({ quarter, group: g.group, scores: inputs.map((a) => scoreUnit(a, scheme)), scheme });
}

/**
 * Whether the caller sees a group: its parent is in the caller's jurisdiction, or one of its members is,
 * or the caller belongs to a member (a unit officer sees their unit's rank among its neighbours, §7).
 */
export async function groupVisibility(deps: Deps, p: Principal): Promise<(g: PeerGroup) => boolean> {
  const scope = await scopeOf(deps, p);
  const paths = new Map<string, string>();
  const tree = await deps.units.tree();
  for (const id of tree.byId.keys()) {
    const path = await deps.units.pathOf(id);
    if (path) paths.set(id, path);
  }
  return (g) => {
    if (paths.get(g.group.parentUnitId)?.startsWith(scope)) return true;
    return g.memberIds.some((m) => {
      const path = paths.get(m);
      return path !== undefined && (path.startsWith(scope) || scope.startsWith(path));
    });
  };
}

/** The group of a key, visible to the caller; 404 (naming the field) otherwise. */
export async function visibleGroup(
  deps: Deps,
  p: Principal | null,
  groupKey: string,
  quarter?: string,
): Promise<PeerGroup> {
  const groups = peerGroups(await deps.units.tree(), await deps.scheme(), quarter);
  const g = groups.find((x) => x.groupKey === groupKey);
  if (!g || (p && !(await groupVisibility(deps, p))(g)))
    throw new EdgeError('record.notFound', `no peer group ${groupKey} in your jurisdiction`, {
      field: 'groupKey',
    });
  return g;
}

/** Draft rankings of a quarter (not stored): every group the caller sees, or the one asked for. */
export async function computeDrafts(
  deps: Deps,
  p: Principal,
  quarter: string,
  groupKey?: string,
): Promise<DraftResponse> {
  const scheme = await deps.scheme();
  const tree = await deps.units.tree();
  let groups: PeerGroup[];
  if (groupKey) groups = [await visibleGroup(deps, p, groupKey, quarter)];
  else {
    const visible = await groupVisibility(deps, p);
    groups = peerGroups(tree, scheme, quarter).filter(visible);
  }
  const aggs = await readAggregates(deps, quarter);
  return {
    quarter,
    draft: true,
    groups: groups.map((g) => ({
      groupKey: g.groupKey,
      ranking: rankInputs(g, quarter, groupInputs(g, quarter, aggs), scheme),
    })),
  };
}
