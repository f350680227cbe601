/**
 * Generated, fictional data for the bench: a unit tree of exactly `n` units (a city, its departments and
 * counties; each county with 24 townships and 24 departments, so every unit but the city and the counties
 * is ranked in a peer group) and findings spread over the ranked units within one quarter.
 */
import {
  addDays,
  daysBetween,
  type FindingInput,
  findingSeverity,
  problemCategory,
  type Quarter,
  quarterBounds,
  type Unit,
} from '@jiandu/shared';

const PER_COUNTY = 48;

const unit = (id: string, name: string, kind: Unit['kind'], parentId: string | null): Unit => ({
  id,
  name,
  kind,
  parentId,
  code: id.toUpperCase(),
  aliases: [],
});

/** Parents before children, as createUnits needs. */
export function benchUnits(n: number): Unit[] {
  const counties = Math.max(1, Math.floor((n - 1) / (PER_COUNTY + 2)));
  const cityDepartments = n - 1 - counties * (PER_COUNTY + 1);
  if (cityDepartments < 0) throw new RangeError(`a bench tree needs at least ${PER_COUNTY + 2} units`);
  const out: Unit[] = [unit('bc', '基准市', 'city', null)];
  for (let d = 0; d < cityDepartments; d++)
    out.push(unit(`bc-d${d}`, `基准市直部门${d}`, 'department', 'bc'));
  for (let c = 0; c < counties; c++) {
    const county = `bc-c${c}`;
    out.push(unit(county, `基准${c}县`, 'county', 'bc'));
    for (let t = 0; t < PER_COUNTY / 2; t++)
      out.push(unit(`${county}-t${t}`, `基准${c}县${t}镇`, 'township', county));
    for (let d = 0; d < PER_COUNTY / 2; d++)
      out.push(unit(`${county}-d${d}`, `基准${c}县直部门${d}`, 'department', county));
  }
  return out;
}

/** The units a finding may name: every ranked (township or department) unit. */
export const rankedUnitIds = (units: readonly Unit[]): string[] =>
  units.filter((u) => u.kind === 'township' || u.kind === 'department').map((u) => u.id);

/** MurmurHash3's 32-bit finalizer: consecutive integers to well-spread ones, without a random source. */
export function mix32(n: number): number {
  let h = n >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SEVERITIES = findingSeverity.codes;
const CATEGORIES = problemCategory.codes;

/**
 * Finding `i` of a stream: a unit, severity, category and day chosen by `i` alone (deterministic), a
 * discovery date within the quarter up to `lastDay`, and — with `externalPrefix` — a natural key.
 */
export function findingInput(
  i: number,
  ctx: { unitIds: readonly string[]; quarter: Quarter; lastDay: string; externalPrefix?: string },
): FindingInput {
  const { first } = quarterBounds(ctx.quarter);
  const span = Math.max(1, daysBetween(first, ctx.lastDay) + 1);
  const h = mix32(i + 1);
  return {
    // Round-robin over the units, so every ranked unit has records; the rest varies with a hash of i.
    unitId: ctx.unitIds[i % ctx.unitIds.length]!,
    category: CATEGORIES[h % CATEGORIES.length]!,
    severity: SEVERITIES[(h >>> 8) % SEVERITIES.length]!,
    source: 'inspection',
    description: `基准测试发现问题 #${i}：专项资金拨付台账与银行流水不符，需核实整改。`,
    amountFen: ((h >>> 4) % 500) * 100,
    discoveredOn: addDays(first, (h >>> 12) % span),
    ...(ctx.externalPrefix ? { externalId: `${ctx.externalPrefix}-${i}` } : {}),
  };
}
