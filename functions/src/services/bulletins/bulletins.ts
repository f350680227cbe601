/**
 * 通报: the monthly bulletin of a unit's subtree (DESIGN §2, §3): progress against targets,
 * rectifications overdue at the month's end, cards and proposals of the month, petitions and opinion
 * signals of the month, the satisfaction rate (认可度) of petitions closed in it, and the project funds
 * (资金趴账) at its end. Computed on read as a draft; bulletin-issue.ts freezes it as a record. Reads the
 * type lists restricted to the unit's path (a scan per type; fine at today's sizes).
 */
import {
  type AccountabilityCase,
  type BulletinContent,
  basisPoints,
  daysBetween,
  emptyTotals,
  endOfLocalDay,
  formatInstant,
  fundsView,
  type Indicator,
  instantMs,
  lastDayOf,
  localDateOf,
  type Petition,
  quarterOfDate,
  REMINDER_IGNORED_DAYS_DEFAULT,
  type Rectification,
  reminderCounts,
  type Signal,
  satisfactionRates,
  taskLine,
} from '@jiandu/shared';
import type { DraftBulletin, IssuedContent, Reminder } from '@jiandu/shared/api';
import type { Deps } from '../../app/deps.js';
import { holds, type Principal } from '../../auth/principal.js';
import type { RecordType } from '../../store/keys.js';
import { keys } from '../../store/keys.js';
import { type StoredRecord, SYSTEM_ACTOR } from '../../store/record-store.js';
import { projectsAsOf } from '../funds/funds.js';
import { writableUnitPath } from '../org/jurisdiction.js';
import type { CardRecord } from '../rankings/cards.js';

async function listAll<T>(
  deps: Deps,
  type: RecordType,
  unitPathPrefix: string,
  range: { from?: string; to?: string } = {},
): Promise<StoredRecord<T>[]> {
  const out: StoredRecord<T>[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.list<T>(type, {
      unitPathPrefix,
      limit: 1000,
      ...range,
      caller: SYSTEM_ACTOR.id,
      ...(cursor ? { cursor } : {}),
    });
    out.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return out;
}

const completionBp = (plan: number, actual: number): number =>
  plan <= 0 ? 10_000 : Math.min(10_000, Math.round((actual * 10_000) / plan));

/** Whether this reader's role sees accountability cases (the bulletin's proposals). */
export const readsCases = (p: Principal): boolean => holds(p, 'case.read');

/** The bulletin as this reader may see it: proposals only for roles that read cases (a frozen one keeps its shape). */
export const bulletinFor = <B extends IssuedContent>(p: Principal, b: B): B =>
  readsCases(p) ? b : { ...b, proposals: null };

/** The draft bulletin of a month for a unit (your home unit by default), with the issued one's id if any. */
export async function monthlyBulletin(
  deps: Deps,
  p: Principal,
  month: string,
  unitId?: string,
): Promise<DraftBulletin> {
  const scopeUnit = unitId ?? p.unitId;
  const prefix = await writableUnitPath(deps, p, scopeUnit);
  const content = bulletinFor(p, await computeBulletin(deps, scopeUnit, prefix, month));
  const issued = await deps.store.getItem('bulletin', keys.bulletinId(month, scopeUnit), false);
  return { ...content, issuedId: issued ? String(issued.id) : null };
}

/**
 * The whole bulletin of a month for a scope unit whose subtree path is `prefix`, proposals included
 * (callers redact them per reader with `bulletinFor`); as of the month's end, or now for a month under way.
 */
export async function computeBulletin(
  deps: Deps,
  scopeUnit: string,
  prefix: string,
  month: string,
  nowMs: number = deps.clock(),
): Promise<BulletinContent> {
  const scheme = await deps.scheme();
  const tz = scheme.timeZone;
  const tree = await deps.units.tree();
  const first = `${month}-01`;
  const last = lastDayOf(month);
  const inMonth = (instant: string) => localDateOf(instant, tz).slice(0, 7) === month;
  // As of the end of the month, or now for the month under way.
  const asOfMs = Math.min(nowMs, endOfLocalDay(last, tz) - 1);
  const asOf = formatInstant(asOfMs, tz);
  const asOfDate = localDateOf(asOfMs, tz);

  // Progress: each indicator of the year against its plan for the quarter of the month.
  const quarter = quarterOfDate(last);
  const indicators = await listAll<Indicator>(deps, 'indicator', prefix, {
    from: String(quarter.year),
    to: String(quarter.year),
  });
  const progress = indicators
    .map((s) => s.data)
    .filter((i) => i.year === quarter.year)
    .map((i) => {
      const line = taskLine(i, quarter);
      const reported = i.actuals.slice(0, quarter.quarter);
      const latest = reported.reduce<number | null>((acc, v) => (v === null ? acc : v), null);
      const actual = line?.actual ?? latest;
      return {
        id: i.id,
        unitId: i.unitId,
        name: i.name,
        measure: i.measure ?? null,
        target: i.target,
        plan: line?.plan ?? null,
        actual,
        completionBp: line ? completionBp(line.plan, actual ?? 0) : null,
      };
    })
    .sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : a.name < b.name ? -1 : 1));
  const scored = progress.filter((x) => x.completionBp !== null);
  const progressSummary = {
    indicators: progress.length,
    withTarget: scored.length,
    meanCompletionBp: scored.length
      ? Math.round(scored.reduce((s, x) => s + (x.completionBp ?? 0), 0) / scored.length)
      : null,
  };

  // Rectifications overdue at the end of the month (or now): deadline passed, not closed by then.
  const rects = await listAll<Rectification>(deps, 'rectification', prefix);
  const overdue = rects
    .map((s) => s.data)
    .filter(
      (r) =>
        r.deadline < asOfDate &&
        !(r.state === 'closed' && r.closedAt !== null && instantMs(r.closedAt) <= asOfMs),
    )
    .map((r) => ({
      id: r.id,
      unitId: r.unitId,
      title: r.title,
      state: r.state,
      deadline: r.deadline,
      daysOverdue: daysBetween(r.deadline, asOfDate),
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || (a.id < b.id ? -1 : 1));

  // Cards and proposals of the month.
  const range = { from: first, to: last };
  const cards = (await listAll<CardRecord>(deps, 'card', prefix, range))
    .map((s) => s.data)
    .filter((c) => inMonth(c.issuedAt));
  const proposals = (await listAll<AccountabilityCase>(deps, 'case', prefix, range))
    .map((s) => s.data)
    .filter((c) => inMonth(c.proposedAt))
    .map((c) => ({
      id: c.id,
      unitId: c.trigger.unitId,
      trigger: c.trigger.kind,
      triggerKey: c.triggerKey,
      state: c.state,
      proposedAt: c.proposedAt,
      subjects: c.subjects.length,
    }));

  // Petitions received in the month, and the satisfaction of those closed in it.
  const petitions = (await listAll<Petition>(deps, 'petition', prefix)).map((s) => s.data);
  const received = petitions
    .filter((x) => inMonth(x.receivedAt))
    .map((x) => ({
      id: x.id,
      unitId: x.unitId,
      category: x.category,
      channel: x.channel,
      levelReceived: x.levelReceived,
      receivedAt: x.receivedAt,
      state: x.state,
      repeated: x.repeatOf !== null,
      escalated: x.escalated,
    }));
  const closedInMonth = petitions.filter((x) => x.closedAt !== null && inMonth(x.closedAt));
  const byUnit = satisfactionRates(closedInMonth);
  const sum = (f: 'closed' | 'satisfied' | 'basicallySatisfied' | 'dissatisfied') =>
    byUnit.reduce((s, r) => s + r[f], 0);
  const overall = {
    closed: sum('closed'),
    satisfied: sum('satisfied'),
    basicallySatisfied: sum('basicallySatisfied'),
    dissatisfied: sum('dissatisfied'),
    rateBp: basisPoints(sum('satisfied') + sum('basicallySatisfied'), sum('closed')),
  };

  // Opinion signals published in the month.
  const signals = (await listAll<Signal>(deps, 'signal', prefix))
    .map((s) => s.data)
    .filter((s) => inMonth(s.publishedAt))
    .map((s) => ({
      id: s.id,
      unitId: s.unitId,
      platform: s.platform,
      title: s.title,
      url: s.url,
      publishedAt: s.publishedAt,
      polarity: s.polarity,
      severity: s.severity,
    }));

  // Reminders (催办) sent in the month on the subtree's records, read and ignored as of the bulletin's day.
  const reminders = reminderCounts(
    (await listAll<Reminder>(deps, 'reminder', prefix))
      .map((r) => r.data)
      .filter((r) => r.day >= first && r.day <= last)
      .map((r) => ({ unitId: r.unitId, day: r.day, reads: r.reads.length })),
    asOfDate,
    scheme.bulletins.reminderIgnoredDays ?? REMINDER_IGNORED_DAYS_DEFAULT,
  );

  return {
    month,
    unitId: scopeUnit,
    unitName: tree.byId.get(scopeUnit)?.name ?? scopeUnit,
    asOf,
    progress: {
      year: quarter.year,
      quarter: quarter.quarter,
      summary: progressSummary,
      indicators: progress,
    },
    overdue,
    cards,
    proposals,
    petitions: {
      received: received.length,
      repeated: received.filter((x) => x.repeated).length,
      escalated: received.filter((x) => x.escalated).length,
      items: received,
    },
    signals: {
      published: signals.length,
      negative: signals.filter((s) => s.polarity === 'negative').length,
      notable: signals.filter((s) => s.polarity === 'negative' && s.severity === 'notable').length,
      major: signals.filter((s) => s.polarity === 'negative' && s.severity === 'major').length,
      items: signals,
    },
    satisfaction: { overall, byUnit },
    reminders,
    funds: await fundsSection(deps, tree, scopeUnit, prefix, asOfDate, scheme),
  };
}

/**
 * Project funds of the subtree as the ledger stood at the end of the bulletin's day: totals, and a row
 * per direct sub-unit (and the unit's own).
 */
async function fundsSection(
  deps: Deps,
  tree: Awaited<ReturnType<Deps['units']['tree']>>,
  scopeUnit: string,
  prefix: string,
  asOfDate: string,
  scheme: Awaited<ReturnType<Deps['scheme']>>,
): Promise<BulletinContent['funds']> {
  const projects = await projectsAsOf(deps, prefix, asOfDate);
  const v = fundsView(projects, tree, scopeUnit, asOfDate, scheme);
  return {
    totals: { unitId: scopeUnit, ...(v.totals ?? emptyTotals()) },
    rows: v.rows.map((r) => ({ unitId: r.unitId, ...r.totals })),
  };
}
