import {
  addDays,
  daysOverdue,
  formatInstant,
  type Light,
  lightDeadlineRange,
  lightsOf,
  type Rectification,
  rectificationLight,
  type Scheme,
} from '@jiandu/shared';
import { type RectificationListQuery, rectificationListQuerySchema } from '@jiandu/shared/api';
import type { Deps } from '../../app/deps.js';
import type { Principal } from '../../auth/principal.js';
import type { ListFilter } from '../../store/record-store.js';
import { listScope } from '../org/jurisdiction.js';
import { keywordOf, pagingOf } from '../records/lists.js';
import { today } from './read.js';

export { type RectificationListQuery, rectificationListQuerySchema };

/**
 * The light filter as a deadline range through the list that exists (the lists engineer redesigns the
 * keys): red = open with the deadline day past; yellow and green = open with the deadline in the range
 * of that light's warning window (`lightDeadlineRange`), widened for yellow to every later deadline
 * because a rectification behind its plan (not started in time) is yellow whatever its deadline. The
 * page read is then kept to the records of that light, derived now (a light is never stored): a page may
 * hold fewer items than asked while its cursor goes on.
 */
function lightFilter(light: Light, at: string, scheme: Scheme): ListFilter {
  const w = lightsOf(scheme);
  const range = lightDeadlineRange(
    light,
    at,
    w.rectificationWarnDays,
    scheme.rectification.defaultDeadline.count,
    scheme,
  );
  const from = light === 'red' ? undefined : (range.from ?? undefined);
  const to = light === 'red' ? range.to : undefined;
  const parts = ['#lt_st <> :lt_closed'];
  const values: Record<string, unknown> = { ':lt_closed': 'closed' };
  if (from !== undefined) {
    parts.push('#lt_dl >= :lt_from');
    values[':lt_from'] = from;
  }
  if (to !== undefined) {
    parts.push('#lt_dl <= :lt_to');
    values[':lt_to'] = to;
  }
  return { expr: `(${parts.join(' AND ')})`, names: { '#lt_st': 'state', '#lt_dl': 'deadline' }, values };
}

/**
 * 待我复核: both review steps, without the ones this reviewer may not take — one they submitted (neither
 * reviewer may be the submitter) or one at 初审通过 that they approved at the first step (双人复核). The
 * same rule as the workflow's guards, said as a filter so the queue lists exactly what they may act on.
 */
export function reviewFilter(reviewerId: string): ListFilter {
  return {
    expr:
      '((#rv_st = :rv_sub OR (#rv_st = :rv_fa AND (attribute_not_exists(#rv_d.#rv_fr) OR #rv_d.#rv_fr <> :rv_me))) ' +
      'AND (attribute_not_exists(#rv_d.#rv_sb) OR #rv_d.#rv_sb <> :rv_me))',
    names: { '#rv_st': 'state', '#rv_d': 'data', '#rv_fr': 'firstReviewerId', '#rv_sb': 'submittedBy' },
    values: { ':rv_sub': 'submitted', ':rv_fa': 'first_approved', ':rv_me': reviewerId },
  };
}

/** 延期申请 waiting for a decision (the state item's `extPending`, see rectifications/index.ts). */
export const extensionPendingFilter: ListFilter = {
  expr: '#xp = :xp',
  names: { '#xp': 'extPending' },
  values: { ':xp': true },
};

function filtersOf(q: RectificationListQuery, day: string): ListFilter[] {
  const f: ListFilter[] = [];
  const st = { '#st': 'state' };
  const dl = { '#dl': 'deadline' };
  if (q.state === 'open') f.push({ expr: '#st <> :closed', names: st, values: { ':closed': 'closed' } });
  else if (q.state) f.push({ expr: '#st = :st', names: st, values: { ':st': q.state } });
  if (q.from) f.push({ expr: '#dl >= :from', names: dl, values: { ':from': q.from } });
  if (q.to) f.push({ expr: '#dl <= :to', names: dl, values: { ':to': q.to } });
  const values = { ':today': day, ':closedState': 'closed' };
  if (q.overdue === 'true')
    f.push({ expr: '(#dl < :today AND #st <> :closedState)', names: { ...st, ...dl }, values });
  if (q.overdue === 'false')
    f.push({ expr: '(#dl >= :today OR #st = :closedState)', names: { ...st, ...dl }, values });
  return f;
}

/**
 * The due days a list asking for overdue (or its light, red) or for a deadline range reads, as a range
 * of the due list's key — an open rectification's due day is its deadline (list-index DUE_OF) — so the
 * records outside it are never read. Undefined: no bound.
 */
function dueRangeOf(q: RectificationListQuery, day: string): { from?: string; to?: string } {
  const overdueTo = q.overdue === 'true' || q.light === 'red' ? addDays(day, -1) : undefined;
  const to =
    q.to !== undefined && overdueTo !== undefined && q.to > overdueTo ? overdueTo : (q.to ?? overdueTo);
  return { ...(q.from ? { from: q.from } : {}), ...(to ? { to } : {}) };
}

export async function listRectifications(deps: Deps, p: Principal, q: RectificationListQuery) {
  const prefix = await listScope(deps, p, q.unitId);
  const scheme = await deps.scheme();
  const tz = scheme.timeZone;
  const at = formatInstant(deps.clock(), tz);
  const day = await today(deps);
  const filters = filtersOf(q, day);
  if (q.light) filters.push(lightFilter(q.light, at, scheme));
  if (q.review === 'mine') filters.push(reviewFilter(p.id));
  if (q.extension === 'pending') filters.push(extensionPendingFilter);
  // Overdue (and red, the same records) is read from the due lists, whatever the order asked: newest
  // first it would be a filter over every record of the scope, reading more the fewer are overdue (the
  // lists bench: a city of 1,000,000 read its budget of 330 for none). Choice: such a list comes
  // 按时限, the most overdue first — the order its reader wants, and the only one that reads what it
  // returns. The filters stay (exact on the range read: the due lists hold open records only).
  const byDue = q.sort === 'deadline' || q.overdue === 'true' || q.light === 'red';
  const dueRange = byDue ? dueRangeOf(q, day) : {};
  const page = await deps.store.list<Rectification>('rectification', {
    unitPathPrefix: prefix,
    filters,
    limit: q.limit,
    ...(byDue ? { order: 'due' as const } : {}),
    ...(Object.keys(dueRange).length > 0 ? { dueRange } : {}),
    ...pagingOf(p, q),
    ...keywordOf(q),
  });
  return {
    items: page.items
      .map((s) => ({
        ...s.data,
        daysOverdue: daysOverdue(s.data, at, tz),
        light: rectificationLight(s.data, at, scheme),
      }))
      .filter((r) => q.light === undefined || r.light === q.light),
    cursor: page.cursor,
  };
}
