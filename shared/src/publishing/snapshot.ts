/**
 * Publishing (DESIGN §4.2): a published ranking is a frozen snapshot of its inputs and outputs with a
 * content hash, never edited; a correction is an amendment that names the snapshot it supersedes and why.
 * Cards are issued from a snapshot only.
 */
import type { UnitQuarterAggregate } from '../aggregates/aggregate.js';
import { DomainError } from '../errors/index.js';
import { canonicalJson, contentHash } from '../ledger/canonical.js';
import type { SnapshotNotice } from '../schemas/objection.js';
import type { Card, PeerGroupRef, Ranking, RankingSnapshot } from '../schemas/ranking.js';

export interface BuildSnapshotInput {
  id: string;
  ranking: Ranking;
  inputs: readonly UnitQuarterAggregate[];
  publishedAt: string;
  publishedBy: string;
  /** The snapshot this one amends (same quarter and group); null or absent for a first publication. */
  supersedes?: RankingSnapshot | null;
  /** Why the amendment was made; required (non-blank) for an amendment, absent for a first publication. */
  reason?: string | null;
  /** The notice period the ranking went through: objections, decisions, corrections, changes. */
  notice?: SnapshotNotice;
}

type Input = Record<string, unknown>;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Deep copy through canonical JSON: what is stored is exactly what is hashed. */
const frozenCopy = <T>(v: T): T => JSON.parse(canonicalJson(v)) as T;

/** Inputs by unit id; equal ids (not expected) by their canonical JSON, so input order never matters. */
const sortInputs = (inputs: readonly Input[]): Input[] =>
  inputs
    .map((i) => ({ i, id: String(i.unitId), json: canonicalJson(i) }))
    .sort((a, b) => cmp(a.id, b.id) || cmp(a.json, b.json))
    .map(({ i }) => i);

export const sameGroup = (a: PeerGroupRef, b: PeerGroupRef): boolean =>
  a.ruleId === b.ruleId && a.parentUnitId === b.parentUnitId;

/**
 * SHA-256 hex of the canonical JSON of { quarter, group, ranking, inputs (by unit id), supersedes, reason }
 * and, when the ranking went through a notice period, its `notice` (absent otherwise, so the hashes of
 * snapshots published without one are what they always were).
 */
export function snapshotHash(
  s: Pick<RankingSnapshot, 'quarter' | 'group' | 'ranking' | 'inputs' | 'supersedes' | 'reason' | 'notice'>,
): string {
  const { quarter, group, ranking, supersedes, reason, notice } = s;
  const inputs = sortInputs(s.inputs);
  return contentHash(
    notice === undefined
      ? { quarter, group, ranking, inputs, supersedes, reason }
      : { quarter, group, ranking, inputs, supersedes, reason, notice },
  );
}

/**
 * Chosen: a reason without a snapshot to supersede is an amendment that does not name what it corrects
 * (`ranking.supersedesMissing`); so is one naming a snapshot of another quarter or group, or itself.
 * A first publication carries `supersedes: null, reason: null`.
 */
export function buildSnapshot(input: BuildSnapshotInput): RankingSnapshot {
  const { id, ranking, publishedAt, publishedBy } = input;
  const supersedes = input.supersedes ?? null;
  const reason = input.reason?.trim() || null; // a blank reason is no reason
  if (supersedes === null && reason !== null)
    throw new DomainError('ranking.supersedesMissing', 'an amendment names the snapshot it supersedes', {
      field: 'supersedes',
    });
  if (
    supersedes !== null &&
    (supersedes.quarter !== ranking.quarter ||
      !sameGroup(supersedes.group, ranking.group) ||
      supersedes.id === id)
  )
    throw new DomainError(
      'ranking.supersedesMissing',
      'an amendment supersedes a snapshot of its own quarter and group',
      {
        field: 'supersedes',
        details: { supersedes: supersedes.id },
      },
    );
  if (supersedes !== null && reason === null)
    throw new DomainError('ranking.reasonRequired', 'an amendment says why', { field: 'reason' });

  const fields = {
    quarter: ranking.quarter,
    group: frozenCopy(ranking.group),
    ranking: frozenCopy(ranking),
    inputs: sortInputs(input.inputs.map((a) => ({ ...a }))).map(frozenCopy),
    supersedes: supersedes?.id ?? null,
    reason,
    ...(input.notice ? { notice: frozenCopy(input.notice) } : {}),
  };
  return { id, publishedAt, publishedBy, ...fields, contentHash: snapshotHash(fields) };
}

/** True when the stored hash is the hash of the stored content (and the quarter and group agree). */
export function verifySnapshot(s: RankingSnapshot): boolean {
  if (s.quarter !== s.ranking.quarter || !sameGroup(s.group, s.ranking.group)) return false;
  return snapshotHash(s) === s.contentHash;
}

/** One pre-yellow card per carded row of a published snapshot, in row order. */
export function cardsFromSnapshot(
  s: RankingSnapshot,
  newId: (unitId: string) => string,
  issuedAt: string,
): Card[] {
  return s.ranking.rows
    .filter((r) => r.carded)
    .map((r) => ({
      id: newId(r.unitId),
      unitId: r.unitId,
      quarter: s.quarter,
      snapshotId: s.id,
      group: { ...s.group },
      issuedAt,
    }));
}
