/**
 * What the organisation import would do, row by row, decided before anything is written (issue 14):
 * each unit's parent found (in the file or in the system, in whatever order the file lists them),
 * cycles refused, units already in the system matched by their natural key (a code, or parent + name)
 * and any difference reported as a conflict, never overwritten; each tenure's unit and person found,
 * its dates checked with the core's one past-instant rule, and tenures already recorded matched by
 * person + unit + post + from. The same plan answers a dry run and drives a commit.
 */
import { createHash } from 'node:crypto';
import type { MigrationRules, Tenure, Unit, UnitTree } from '@jiandu/shared';
import type { OrgProblemCode } from '@jiandu/shared/api';
import type { OrgRowProblem, TenureRow, UnitRow } from './org-rows.js';
import { normalizeName } from './unit-matcher.js';

/** What the plan reads of the system. */
export interface OrgWorld {
  tree: UnitTree<Unit>;
  pathOf: (id: string) => string | null;
  /** The caller's jurisdiction (a unit path prefix). */
  scope: string;
  nowMs: number;
  rules: MigrationRules;
  timeZone: string;
  /**
   * The id of the person of a name and a 人员编号/身份证号后四位: a keyed hash (the PII cipher's match key),
   * since four digits of an ID number would be read back from a plain hash by trying all 10,000.
   */
  personIdOf: (name: string, key: string) => string;
  /** The tenures recorded at a unit, each with its person's name. */
  tenuresAt: (unitId: string) => Promise<(Tenure & { personName: string | null })[]>;
}

/** A row's outcome; `created` once a commit wrote it. */
export type Outcome = 'new' | 'created' | 'existing' | 'conflict' | 'problem';

export interface PlannedUnit {
  row: UnitRow;
  problems: OrgRowProblem[];
  outcome: Outcome;
  /** The unit the row stands for (an existing one, or the one a commit creates). */
  id?: string;
  /** The unit to create (outcome `new`). */
  unit?: Unit;
}

export interface PlannedTenure {
  row: TenureRow;
  problems: OrgRowProblem[];
  outcome: Outcome;
  unitId?: string;
  personId?: string;
  /** The tenure to create (outcome `new`), or the one already recorded. */
  tenure?: Tenure;
}

export const hash = (...parts: string[]) =>
  createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24);
export const normCode = (s: string) => s.replace(/[\s\u3000]/g, '').toUpperCase();
export const sameName = (u: Unit, name: string) =>
  [u.name, ...u.aliases].some((n) => normalizeName(n) === normalizeName(name));

/**
 * Ids from natural keys: a re-run after a failure half-way computes the same ids, so what the first run
 * wrote is found again whatever else matches it.
 */
export const unitIdOf = (parentId: string, name: string) => `u-${hash(parentId, normalizeName(name))}`;
export const tenureIdOf = (personId: string, unitId: string, post: string, from: string) =>
  `t-${hash(personId, unitId, post, from)}`;

export const hasError = (ps: readonly OrgRowProblem[]) => ps.some((p) => p.severity === 'error');
export const outcomeOf = (ps: readonly OrgRowProblem[], found: boolean): Outcome =>
  hasError(ps)
    ? 'problem'
    : ps.some((p) => p.severity === 'conflict')
      ? 'conflict'
      : found
        ? 'existing'
        : 'new';
export const conflict = (field: OrgRowProblem['field'], code: OrgProblemCode): OrgRowProblem => ({
  field,
  code,
  severity: 'conflict',
});
