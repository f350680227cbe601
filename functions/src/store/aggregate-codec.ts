/**
 * Aggregates as items: one item per unit and quarter (pk AGG#quarter, sk unitId), counters as flat
 * numeric attributes (`c_findings_grave`), indicator lines as flat map attributes (`t_<indicatorId>`),
 * so one UpdateExpression can ADD every counter and SET/REMOVE every line of a folded delta at once.
 */
import {
  type AggregateDelta,
  COUNTERS,
  type Counter,
  emptyAggregate,
  type TaskLine,
  type UnitQuarterAggregate,
  writeCounter,
} from '@jiandu/shared';
import { keys } from './keys.js';
import type { Tx } from './tx.js';

const counterAttr = (c: Counter) => `c_${c.replace('.', '_')}`;
const TASK_PREFIX = 't_';

export function addAggregateUpdate(tx: Tx, d: AggregateDelta): void {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const adds: string[] = [];
  const sets: string[] = ['#u = :u', '#q = :q'];
  const removes: string[] = [];
  names['#u'] = 'unitId';
  names['#q'] = 'quarter';
  values[':u'] = d.unitId;
  values[':q'] = d.quarter;
  let i = 0;
  for (const [c, v] of Object.entries(d.counters) as [Counter, number][]) {
    names[`#c${i}`] = counterAttr(c);
    values[`:c${i}`] = v;
    adds.push(`#c${i} :c${i}`);
    i++;
  }
  let j = 0;
  for (const [id, line] of Object.entries(d.tasks)) {
    names[`#t${j}`] = `${TASK_PREFIX}${id}`;
    if (line === null) removes.push(`#t${j}`);
    else {
      values[`:t${j}`] = line;
      sets.push(`#t${j} = :t${j}`);
    }
    j++;
  }
  const expr = [
    `SET ${sets.join(', ')}`,
    adds.length ? `ADD ${adds.join(', ')}` : '',
    removes.length ? `REMOVE ${removes.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  tx.update(`agg:${d.unitId}:${d.quarter}`, {
    Key: keys.aggregate(d.quarter, d.unitId),
    UpdateExpression: expr,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  });
}

export function aggregateFromItem(item: Record<string, unknown>): UnitQuarterAggregate {
  const a = emptyAggregate(String(item.unitId ?? item.sk), String(item.quarter));
  for (const c of COUNTERS) writeCounter(a, c, Number(item[counterAttr(c)] ?? 0));
  for (const [k, v] of Object.entries(item)) {
    if (k.startsWith(TASK_PREFIX)) a.tasks[k.slice(TASK_PREFIX.length)] = v as TaskLine;
  }
  return a;
}
