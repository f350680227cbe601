/**
 * `npm run rebuild [-- --fix]`: re-derives every record's list index attributes and recomputes the
 * aggregates from the records, reports every difference with the stored ones (exit 1 when any), and with
 * --fix writes the re-derived and rebuilt values.
 */
import { canonicalJson } from '@jiandu/shared';
import { rebuildAggregates, reindexRecords } from '../services/integrity/rebuild.js';
import { runCli, say } from './run-cli.js';

const fix = process.argv.includes('--fix');

runCli('rebuild', async ({ deps }) => {
  // The list index attributes first (items written under older keys), then the aggregates.
  const x = await reindexRecords(deps, { fix });
  say(
    `records: ${x.records}, with stale list index attributes: ${x.stale}${fix ? `, re-indexed: ${x.fixed}` : ''}`,
  );
  const r = await rebuildAggregates(deps, { fix });
  say(`records: ${r.records}, aggregates stored: ${r.aggregates.stored}, rebuilt: ${r.aggregates.rebuilt}`);
  for (const d of r.differences.slice(0, 50)) {
    say(`DIFF ${d.quarter} ${d.unitId}`);
    say(`  stored:  ${canonicalJson(d.stored)}`);
    say(`  rebuilt: ${canonicalJson(d.rebuilt)}`);
  }
  if (r.differences.length > 50) say(`… ${r.differences.length - 50} more`);
  if (r.differences.length === 0) {
    say('aggregates equal the rebuild');
    return x.stale > 0 && !fix ? 1 : 0;
  }
  if (fix) {
    say(`fixed ${r.fixed} aggregate(s)`);
    return 0;
  }
  say(`${r.differences.length} difference(s); run with --fix to write the rebuilt values`);
  return 1;
});
