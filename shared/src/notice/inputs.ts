/**
 * The inputs of a unit's score an objection may name (DESIGN §4.2 "which dimension and input"): the
 * fields of its aggregate, per dimension of §4.1. Reading and correcting one never edits the aggregate
 * given: a correction returns a new one.
 */
import type { UnitQuarterAggregate } from '../aggregates/aggregate.js';
import { DomainError } from '../errors/index.js';
import type { ScoreDimension } from '../schemas/objection.js';

type Counter = {
  get: (a: UnitQuarterAggregate) => number;
  set: (a: UnitQuarterAggregate, v: number) => UnitQuarterAggregate;
};

const COUNTERS: Record<string, { dimension: ScoreDimension } & Counter> = {
  rectDue: { dimension: 'rectification', get: (a) => a.rectDue, set: (a, v) => ({ ...a, rectDue: v }) },
  rectOnTime: {
    dimension: 'rectification',
    get: (a) => a.rectOnTime,
    set: (a, v) => ({ ...a, rectOnTime: v }),
  },
  rectOpenOverdue: {
    dimension: 'rectification',
    get: (a) => a.rectOpenOverdue,
    set: (a, v) => ({ ...a, rectOpenOverdue: v }),
  },
};
for (const k of ['general', 'serious', 'grave'] as const)
  COUNTERS[`findings.${k}`] = {
    dimension: 'findings',
    get: (a) => a.findings[k],
    set: (a, v) => ({ ...a, findings: { ...a.findings, [k]: v } }),
  };
for (const k of ['received', 'repeated', 'escalated'] as const)
  COUNTERS[`petitions.${k}`] = {
    dimension: 'petitions',
    get: (a) => a.petitions[k],
    set: (a, v) => ({ ...a, petitions: { ...a.petitions, [k]: v } }),
  };
for (const k of ['notable', 'major'] as const)
  COUNTERS[`signals.${k}`] = {
    dimension: 'opinion',
    get: (a) => a.signals[k],
    set: (a, v) => ({ ...a, signals: { ...a.signals, [k]: v } }),
  };

const TASK = /^tasks\.(.+)\.actual$/;

/** Every input of `agg` an objection may name, by dimension (task inputs: its indicators' actuals). */
export function inputsOf(agg: UnitQuarterAggregate): { dimension: ScoreDimension; input: string }[] {
  const tasks = Object.keys(agg.tasks)
    .sort()
    .map((id) => ({ dimension: 'task' as const, input: `tasks.${id}.actual` }));
  return [...tasks, ...Object.entries(COUNTERS).map(([input, c]) => ({ dimension: c.dimension, input }))];
}

function resolve(agg: UnitQuarterAggregate, dimension: ScoreDimension, input: string) {
  const task = TASK.exec(input);
  if (task && dimension === 'task' && task[1] !== undefined && agg.tasks[task[1]]) return { task: task[1] };
  const c = COUNTERS[input];
  if (c && c.dimension === dimension) return { counter: c };
  throw new DomainError('notice.unknownInput', `${input} is not an input of ${dimension} for ${agg.unitId}`, {
    field: 'input',
    details: { dimension, input },
  });
}

/** The value of an input (a task actual not reported: null). */
export function inputValue(
  agg: UnitQuarterAggregate,
  dimension: ScoreDimension,
  input: string,
): number | null {
  const r = resolve(agg, dimension, input);
  return r.task !== undefined ? (agg.tasks[r.task]?.actual ?? null) : r.counter.get(agg);
}

/**
 * `agg` with one input corrected. Counts take whole numbers ≥ 0 and the on-time rectifications never
 * exceed those due; an actual takes any finite number ≥ 0 (`notice.invalidValue` otherwise).
 */
export function correctInput(
  agg: UnitQuarterAggregate,
  dimension: ScoreDimension,
  input: string,
  value: number,
): UnitQuarterAggregate {
  const r = resolve(agg, dimension, input);
  const bad = (why: string) =>
    new DomainError('notice.invalidValue', `${input} cannot be ${value}: ${why}`, {
      field: 'correctedValue',
    });
  if (!Number.isFinite(value) || value < 0) throw bad('a value ≥ 0');
  if (r.task !== undefined) {
    const line = agg.tasks[r.task];
    return { ...agg, tasks: { ...agg.tasks, [r.task]: { plan: line?.plan ?? 0, actual: value } } };
  }
  if (!Number.isInteger(value)) throw bad('a whole count');
  const out = r.counter.set(agg, value);
  if (out.rectOnTime > out.rectDue) throw bad('more on time than due');
  return out;
}
