import { daysOverdue, formatInstant, type Rectification } from '@jiandu/shared';
import { type RectificationListQuery, rectificationListQuerySchema } from '@jiandu/shared/api';
import type { Deps } from '../../app/deps.js';
import type { Principal } from '../../auth/principal.js';
import type { ListFilter } from '../../store/record-store.js';
import { listScope } from '../org/jurisdiction.js';
import { pagingOf } from '../records/lists.js';
import { today } from './read.js';

export { type RectificationListQuery, rectificationListQuerySchema };

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

export async function listRectifications(deps: Deps, p: Principal, q: RectificationListQuery) {
  const prefix = await listScope(deps, p, q.unitId);
  const tz = (await deps.scheme()).timeZone;
  const at = formatInstant(deps.clock(), tz);
  const page = await deps.store.list<Rectification>('rectification', {
    unitPathPrefix: prefix,
    filters: filtersOf(q, await today(deps)),
    limit: q.limit,
    ...pagingOf(p, q),
  });
  return {
    items: page.items.map((s) => ({ ...s.data, daysOverdue: daysOverdue(s.data, at, tz) })),
    cursor: page.cursor,
  };
}
