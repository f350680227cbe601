/**
 * Idle funds (资金趴账, DESIGN §4.6, seed 001): allocated project money still unspent past the planned
 * completion. Money is integer fen; the threshold and grace days are scheme data.
 */
import { addDays, isLocalDate, type LocalDate } from '../calendar/local-date.js';
import { DomainError } from '../errors/index.js';
import { type FundProject, fundProjectSchema } from '../schemas/fund.js';
import type { Scheme } from '../scheme/scheme.js';

export interface IdleFunds {
  unspentFen: number;
  idle: boolean;
}

type FundsScheme = Pick<Scheme, 'funds'>;

function checked(project: FundProject, asOf: LocalDate): FundProject {
  const r = fundProjectSchema.safeParse(project);
  if (!r.success) {
    const field = r.error.issues[0]?.path.map(String).join('/') ?? '';
    throw new DomainError('funds.invalid', `invalid fund project ${project.id}`, { field });
  }
  if (!isLocalDate(asOf)) throw new DomainError('funds.invalid', `not a date: ${asOf}`, { field: 'asOf' });
  return project;
}

/** Allocated − disbursed, floored at 0: an over-disbursed project holds nothing idle. */
export const unspentFen = (p: Pick<FundProject, 'allocatedFen' | 'disbursedFen'>): number =>
  Math.max(0, p.allocatedFen - p.disbursedFen);

/**
 * Idle = unspent > threshold (strictly above) AND asOf past the planned completion plus the grace days:
 * asOf > plannedCompletion + idleGraceDays. The planned completion day itself is never idle (like a
 * deadline, it lasts to the end of that day); with the default grace 0 the day after is.
 */
export function idleFunds(project: FundProject, asOf: LocalDate, scheme: FundsScheme): IdleFunds {
  const p = checked(project, asOf);
  const unspent = unspentFen(p);
  const past = asOf > addDays(p.plannedCompletion, scheme.funds.idleGraceDays);
  return { unspentFen: unspent, idle: past && unspent > scheme.funds.idleThresholdFen };
}

/** One idle-funds alert per project, ever: a daily sweep stores it once. */
export const idleFundsAlertKey = (projectId: string): string => `funds-idle:${projectId}`;

export interface IdleFundsAlertDraft {
  key: string;
  rule: 'funds.idle';
  subject: { kind: 'fund_project'; id: string };
  unitId: string;
  unspentFen: number;
}

/** The alert a sweep at `asOf` raises for this project, or null when its money is not idle. */
export function idleFundsAlert(
  project: FundProject,
  asOf: LocalDate,
  scheme: FundsScheme,
): IdleFundsAlertDraft | null {
  const { unspentFen: unspent, idle } = idleFunds(project, asOf, scheme);
  if (!idle) return null;
  return {
    key: idleFundsAlertKey(project.id),
    rule: 'funds.idle',
    subject: { kind: 'fund_project', id: project.id },
    unitId: project.unitId,
    unspentFen: unspent,
  };
}
