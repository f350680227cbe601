/**
 * The rectification list: the caller's jurisdiction (or a unit subtree inside it), newest first, with
 * filters on state (a workflow state, or `open` = anything not closed), overdue, and `from`/`to` on the
 * deadline (the date that matters for a rectification; findings filter on their discovery date).
 */
import { z } from '@hono/zod-openapi';
import { daysOverdue, formatInstant, type Rectification, rectificationState } from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import type { Principal } from '../auth/principal.js';
import type { ListFilter } from '../store/record-store.js';
import { listScope } from './jurisdiction.js';
import { listQuerySchema, pagingOf } from './lists.js';
import { today } from './rectification-read.js';

export const rectificationListQuerySchema = listQuerySchema
  .omit({ state: true, category: true, severity: true })
  .extend({
    state: z
      .enum([...rectificationState.codes, 'open'])
      .optional()
      .openapi({ description: 'A workflow state, or `open` for every state but `closed`' }),
    overdue: z.enum(['true', 'false']).optional().openapi({
      description: 'true: past the deadline day and not closed (derived at the time of the call)',
    }),
  });
export type RectificationListQuery = z.infer<typeof rectificationListQuerySchema>;

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
