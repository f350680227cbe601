/**
 * `npm run rebuild [-- --fix]`: recomputes the aggregates from the records, reports every difference
 * with the stored ones (exit 1 when any), and with --fix writes the rebuilt values.
 */
import { canonicalJson } from '@jiandu/shared';
import { rebuildAggregates } from '../services/integrity/rebuild.js';
import { runCli, say } from './run-cli.js';

const fix = process.argv.includes('--fix');

runCli('rebuild', async ({ deps }) => {
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
    return 0;
  }
  if (fix) {
    say(`fixed ${r.fixed} aggregate(s)`);
    return 0;
  }
  say(`${r.differences.length} difference(s); run with --fix to write the rebuilt values`);
  return 1;
});
