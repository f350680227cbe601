/**
 * What a row of each past-records sheet becomes, checked field by field (records-rows.ts RowReader).
 * Choices where DESIGN is silent, each at its rule below:
 * - natural keys (re-importing a row is a duplicate): a finding's 来源 + 外部编号, else a hash of its unit,
 *   day, category and description; a petition's 渠道 + 受理编号 (required: a county's petition register
 *   numbers every petition); a signal's 平台 + canonical URL; an indicator's unit + 年度 + 指标名称;
 * - an empty 来源 of a finding is 督查巡查 (inspection), the usual source of a county's findings list.
 */
import {
  canonicalizeUrl,
  type FindingInput,
  type findingInputSchema,
  type Indicator,
  normalizeIdNumber,
  type petitionInputSchema,
  quarterBounds,
  type Satisfaction,
  type signalInputSchema,
} from '@jiandu/shared';
import type * as z from '@jiandu/shared/zod';
import { cellText, contentKey, type PastTime, type RowReader } from './records-rows.js';
import {
  categoryOf,
  channelOf,
  findingSeverityOf,
  findingSourceOf,
  levelOf,
  polarityOf,
  satisfactionOf,
  signalSeverityOf,
} from './records-values.js';

export type FindingRow = z.output<typeof findingInputSchema> & { externalId: string };

export function findingRow(r: RowReader): FindingRow | null {
  const unit = r.readUnit('unit');
  const discoveredOn = r.day('discoveredOn', true);
  const category = r.oneOf('category', categoryOf, true);
  const severity = r.oneOf('severity', findingSeverityOf, true);
  const source = r.oneOf('source', findingSourceOf, false) ?? 'inspection';
  const description = r.text('description', 4000, true);
  const amountFen = r.amountFen('amount', 'wan');
  const given = r.text('externalId', 100);
  // A time limit is no past instant: it may well lie ahead (checked only to follow the discovery).
  const deadline = r.day('deadline', false, { past: false });
  if (deadline && discoveredOn && deadline < discoveredOn) r.problem('deadline', 'instant.order');
  if (r.problems.length > 0 || !unit || !discoveredOn || !category || !severity || !description) return null;
  const input: FindingInput = {
    unitId: unit.id,
    category,
    severity,
    source,
    description,
    amountFen,
    discoveredOn,
    ...(deadline ? { deadline } : {}),
  };
  const externalId = given ?? `hist-${contentKey(unit.id, discoveredOn, category, description)}`;
  return { ...input, amountFen, externalId };
}

export type ParsedPetitionRow = z.output<typeof petitionInputSchema>;

/** The past steps of a petition after its receipt, each at the instant it happened. */
export interface PetitionSteps {
  accept: PastTime | null;
  notAccept: { at: PastTime; reason: string } | null;
  handle: PastTime | null;
  close: { at: PastTime; satisfaction: Satisfaction } | null;
}

export interface PetitionRow {
  input: ParsedPetitionRow & { externalId: string };
  steps: PetitionSteps;
}

const PHONE = /^[0-9+\-\s()]{5,20}$/;

/**
 * A petition with its past handling: 受理时间 accepts it (or, with a 不予受理理由, is the day it was
 * not accepted), 办结时间 is its handling (办理完毕, 'handle'), and a 满意度 closes it after the
 * follow-up call at 回访时间 — chosen: at 办结时间 when no 回访时间 is given, the usual same-day call.
 */
export function petitionRow(r: RowReader): PetitionRow | null {
  const externalId = r.text('externalId', 100, true);
  const name = r.text('name', 50, true);
  const idText = r.text('idNumber', 54);
  const idNumber = idText === null ? null : normalizeIdNumber(idText);
  if (idText !== null && idNumber === null) r.problem('idNumber', 'idNumber.invalid');
  const phone = r.text('phone', 20);
  if (phone !== null && !PHONE.test(phone)) r.problem('phone', 'phone.invalid');
  const channel = r.oneOf('channel', channelOf, true);
  const level = r.oneOf('level', levelOf, true);
  const unit = r.readUnit('unit');
  const category = r.oneOf('category', categoryOf, true);
  const matter = r.text('matter', 4000, true);
  const received = r.time('receivedAt', true);
  const reason = r.text('notAcceptedReason', 1000);
  const decided = received ? r.time('acceptedAt', false, received) : null;
  if (reason !== null && decided === null && !r.has('acceptedAt')) r.problem('acceptedAt', 'field.missing');
  const handle = decided ? r.time('handledAt', false, decided) : null;
  if (cellText(r.cell('handledAt')) !== null && !decided && !r.has('acceptedAt'))
    r.problem('acceptedAt', 'step.missing');
  if (reason !== null && handle) r.problem('handledAt', 'instant.order');
  const satisfaction = r.oneOf('satisfaction', satisfactionOf, false);
  const followUp = handle ? r.time('followUpAt', false, handle) : null;
  if (satisfaction && !handle && !r.has('handledAt')) r.problem('handledAt', 'step.missing');
  if (followUp && !satisfaction && !r.has('satisfaction')) r.problem('satisfaction', 'step.missing');
  if (
    r.problems.length > 0 ||
    !externalId ||
    !name ||
    !channel ||
    !level ||
    !unit ||
    !category ||
    !matter ||
    !received
  )
    return null;
  return {
    input: {
      petitioner: { name, ...(phone ? { phone } : {}), ...(idText ? { idNumber: idText } : {}) },
      channel,
      levelReceived: level,
      unitId: unit.id,
      category,
      matter,
      receivedAt: received.instant,
      externalId,
    },
    steps: {
      accept: reason === null ? decided : null,
      notAccept: reason !== null && decided ? { at: decided, reason } : null,
      handle,
      close: handle && satisfaction ? { at: followUp ?? handle, satisfaction } : null,
    },
  };
}

export type SignalRow = z.output<typeof signalInputSchema> & { externalId: string };

/** 阅读/转发/评论 in one cell: "1200/3/10" (any of / ／ 、 , as separator). */
function reachOf(r: RowReader): { reads: number; reposts: number; comments: number } {
  const combined = r.text('reach', 100);
  if (combined !== null) {
    const parts = combined.split(/[/／、,，]/).map((s) => s.trim());
    if (parts.length === 3 && parts.every((p) => /^\d+$/.test(p))) {
      const [reads, reposts, comments] = parts.map(Number) as [number, number, number];
      return { reads, reposts, comments };
    }
    r.problem('reach', 'number.invalid');
  }
  const n = (f: 'reads' | 'reposts' | 'comments') => r.number(f, { integer: true, max: 1e11 }) ?? 0;
  return { reads: n('reads'), reposts: n('reposts'), comments: n('comments') };
}

/** A signal of the past; no unit (an empty 单位) sends it to the triage queue, as live intake does. */
export function signalRow(r: RowReader): SignalRow | null {
  const platform = r.text('platform', 50, true);
  const url = r.text('url', 2000, true);
  let canonical: string | null = null;
  if (url !== null) {
    try {
      if (!/^https?:\/\//i.test(url)) throw new Error('not http');
      canonical = canonicalizeUrl(url);
    } catch {
      r.problem('url', 'url.invalid');
    }
  }
  const title = r.text('title', 500, true);
  const excerpt = r.text('excerpt', 4000);
  const unit = r.readUnit('unit', false);
  const published = r.time('publishedAt', true);
  const reach = reachOf(r);
  const polarity = r.oneOf('polarity', polarityOf, true);
  const severity = r.oneOf('severity', signalSeverityOf, true);
  if (
    r.problems.length > 0 ||
    !platform ||
    !url ||
    !canonical ||
    !title ||
    !published ||
    !polarity ||
    !severity
  )
    return null;
  return {
    platform,
    url,
    title,
    ...(excerpt ? { excerpt } : {}),
    publishedAt: published.instant,
    reach,
    polarity,
    severity,
    unitId: unit?.id ?? null,
    externalId: `url-${contentKey(canonical)}`,
  };
}

export type IndicatorRow = Omit<Indicator, 'id'> & { externalId: string; lastActualDay: string | null };

const QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;

/**
 * An indicator with its target and cumulative actuals at the end of each quarter. A quarter's actual is
 * a past instant: the quarter's last day must have come (pastInstantProblem), and not before the unit's
 * 成立日期; so must the year's first day for the year. The plan is the default (target × q/4).
 */
export function indicatorRow(r: RowReader): IndicatorRow | null {
  const unit = r.readUnit('unit');
  const year = r.number('year', { integer: true, max: 2100 });
  if (year !== null && year < 2000) r.problem('year', 'number.invalid');
  else if (year !== null) r.past('year', `${year}-01-01`);
  const name = r.text('name', 200, true);
  const measure = r.text('measure', 20);
  const target = r.number('target');
  let lastActualDay: string | null = null;
  const actuals = QUARTERS.map((f, i) => {
    const v = r.number(f);
    if (v === null || year === null || year < 2000) return v;
    const last = quarterBounds({ year, quarter: (i + 1) as 1 | 2 | 3 | 4 }).last;
    if (!r.past(f, last)) return null;
    lastActualDay = last;
    return v;
  }) as [number | null, number | null, number | null, number | null];
  if (r.problems.length > 0 || !unit || year === null || !name) return null;
  return {
    unitId: unit.id,
    year,
    name,
    ...(measure ? { measure } : {}),
    target,
    actuals,
    externalId: `${unit.id}:${year}:${contentKey(name)}`,
    lastActualDay,
  };
}
