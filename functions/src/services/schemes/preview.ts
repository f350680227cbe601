/**
 * 方案变更预览: what a proposed scheme would change against the one in force, before an admin saves it as
 * a new version. Stores nothing.
 *
 * Bounded cost (choices written here):
 * - Rectifications: the open ones only, from the "open" state partition the daily overdue sweep reads
 *   (one paginated index query; closed records are never read). A rectification's deadline is stored on
 *   the record when it is opened or extended, so a new scheme does not move it; what moves is its light
 *   (warning window, start plan, the working-day calendar) and its overdue step (alert / escalate /
 *   accountability days). The answer counts every change and returns the first 20.
 * - Scores: ONE quarter's aggregate partition (the same single query a draft ranking makes), never raw
 *   records: the newest of the last four quarters with a published ranking (one key-range query of the
 *   snapshot type list per quarter), else the running quarter as a draft. Both schemes score the same
 *   aggregates, so the difference is the scheme's alone (weights, deductions, cards, peer groups).
 */
import {
  daysOverdue,
  formatInstant,
  localDateOf,
  overdueLevel,
  parseQuarter,
  prevQuarter,
  quarterKey,
  quarterOfDate,
  type Ranking,
  rectificationLight,
  type Scheme,
  schemeSchema,
} from '@jiandu/shared';
import type { SchemePreview } from '@jiandu/shared/api';
import type { Deps } from '../../app/deps.js';
import { assertCan, type Principal } from '../../auth/principal.js';
import { partitions } from '../../store/keys.js';
import { readPartition } from '../../store/table-ops.js';
import {
  groupInputs,
  groupVisibility,
  peerGroups,
  rankInputs,
  readAggregates,
} from '../rankings/rankings.js';
import { openRectifications } from '../rectifications/read.js';

const SAMPLE = 20;
/** How many quarters back the preview looks for a published ranking. */
const PUBLISHED_LOOKBACK = 4;

async function previewQuarter(
  deps: Deps,
  scheme: Scheme,
  asked: string | undefined,
): Promise<{ quarter: string; source: 'published' | 'draft' }> {
  const today = localDateOf(formatInstant(deps.clock(), scheme.timeZone), scheme.timeZone);
  const running = quarterKey(quarterOfDate(today));
  // Whether any snapshot of the quarter is stored: the key range of the snapshot type list, ids only (not
  // rankings/publication.ts, which would carry publishing into the `api` function's bundle).
  const published = async (q: string) =>
    (
      await readPartition(deps, partitions.list('snapshot'), {
        skBetween: [`${q}#`, `${q}#\uffff`],
        attributes: ['data.id'],
      })
    ).length > 0;
  if (asked) return { quarter: asked, source: (await published(asked)) ? 'published' : 'draft' };
  let q = parseQuarter(running);
  for (let i = 0; i < PUBLISHED_LOOKBACK; i++, q = prevQuarter(q))
    if (await published(quarterKey(q))) return { quarter: quarterKey(q), source: 'published' };
  return { quarter: running, source: 'draft' };
}

export async function previewScheme(
  deps: Deps,
  p: Principal,
  input: unknown,
  askedQuarter?: string,
): Promise<SchemePreview> {
  assertCan(p, 'scheme.manage');
  const proposed = schemeSchema.parse(input);
  const current = await deps.scheme();
  const tree = await deps.units.tree();
  const unitName = (id: string) => tree.byId.get(id)?.name ?? id;

  // Open rectifications: light and overdue step, before → after.
  const at = formatInstant(deps.clock(), current.timeZone);
  const atProposed = formatInstant(deps.clock(), proposed.timeZone);
  const sample: SchemePreview['rectifications']['sample'] = [];
  let changed = 0;
  let open = 0;
  for await (const { stored } of openRectifications(deps)) {
    open++;
    const r = stored.data;
    const lightBefore = rectificationLight(r, at, current);
    const lightAfter = rectificationLight(r, atProposed, proposed);
    const overdueLevelBefore = overdueLevel(daysOverdue(r, at, current.timeZone), current);
    const overdueLevelAfter = overdueLevel(daysOverdue(r, atProposed, proposed.timeZone), proposed);
    if (lightBefore === lightAfter && overdueLevelBefore === overdueLevelAfter) continue;
    changed++;
    if (sample.length < SAMPLE && lightBefore && lightAfter)
      sample.push({
        id: r.id,
        title: r.title,
        unitId: r.unitId,
        unitName: unitName(r.unitId),
        deadline: r.deadline,
        lightBefore,
        lightAfter,
        overdueLevelBefore,
        overdueLevelAfter,
      });
  }

  // One quarter's scores and ranks under both schemes, per peer group the caller sees.
  const { quarter, source } = await previewQuarter(deps, current, askedQuarter);
  const aggs = await readAggregates(deps, quarter);
  const visible = await groupVisibility(deps, p);
  const before = new Map(
    peerGroups(tree, current, quarter)
      .filter(visible)
      .map((g) => [g.groupKey, rankInputs(g, quarter, groupInputs(g, quarter, aggs), current)]),
  );
  const groups: SchemePreview['scores']['groups'] = [];
  const afterGroups = peerGroups(tree, proposed, quarter).filter(visible);
  const keys = new Set([...before.keys(), ...afterGroups.map((g) => g.groupKey)]);
  for (const key of keys) {
    const g = afterGroups.find((x) => x.groupKey === key);
    const after: Ranking | undefined = g
      ? rankInputs(g, quarter, groupInputs(g, quarter, aggs), proposed)
      : undefined;
    const b = before.get(key);
    const ref = (after ?? b)!.group;
    const rule = [...proposed.peerGroups, ...current.peerGroups].find((x) => x.id === ref.ruleId);
    const rowsB = new Map((b?.rows ?? []).map((r) => [r.unitId, r]));
    const rowsA = new Map((after?.rows ?? []).map((r) => [r.unitId, r]));
    const unitIds = [...new Set([...rowsB.keys(), ...rowsA.keys()])];
    const changes = unitIds.flatMap((id) => {
      const x = rowsB.get(id);
      const y = rowsA.get(id);
      const row = {
        unitId: id,
        unitName: unitName(id),
        totalBefore: x?.score.total ?? null,
        totalAfter: y?.score.total ?? null,
        rankBefore: x?.rank ?? null,
        rankAfter: y?.rank ?? null,
        cardedBefore: x?.carded ?? false,
        cardedAfter: y?.carded ?? false,
      };
      const same =
        row.totalBefore === row.totalAfter &&
        row.rankBefore === row.rankAfter &&
        row.cardedBefore === row.cardedAfter;
      return same ? [] : [row];
    });
    groups.push({
      groupKey: key,
      label: rule?.label ?? ref.ruleId,
      labelEn: rule?.labelEn ?? ref.ruleId,
      parentUnitName: unitName(ref.parentUnitId),
      units: unitIds.length,
      changed: changes,
    });
  }
  groups.sort((a, b) => (a.groupKey < b.groupKey ? -1 : a.groupKey > b.groupKey ? 1 : 0));
  return {
    currentVersion: current.version,
    proposedVersion: proposed.version,
    rectifications: { open, changed, sample },
    scores: { quarter, source, groups },
  };
}
