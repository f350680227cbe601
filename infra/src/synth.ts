/**
 * `npm run synth`: the Lambda bundles, then the stack for both partitions — aws (env-agnostic) and
 * aws-cn (cn-north-1) — into cdk.out/<partition>, offline: no credentials, no context look-ups.
 * cdk-nag's AwsSolutions pack runs on each; any unacknowledged error (or a synth error) fails it.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildBundles, DEFAULT_BUNDLE_DIR } from '@jiandu/functions/bundles';
import { PARTITIONS, partitionApp } from './build.js';
import { synthFindings } from './findings.js';

const outRoot = join(import.meta.dirname, '..', 'cdk.out');
const say = (s: string) => process.stdout.write(`${s}\n`);

const main = async () => {
  const bundles = await buildBundles(DEFAULT_BUNDLE_DIR);
  say(`bundled ${bundles.map((b) => `${b.name} ${(b.bytes / 1024).toFixed(0)} KB`).join(', ')}`);
  let errors = 0;
  for (const partition of PARTITIONS) {
    const outdir = join(outRoot, partition);
    rmSync(outdir, { recursive: true, force: true });
    const { app, stack, edge } = partitionApp(partition, { outdir });
    for (const s of edge ? [edge, stack] : [stack]) {
      const found = synthFindings(app, s);
      for (const f of found.errors) say(`ERROR ${partition} ${f.path}: ${f.message}`);
      for (const f of found.warnings) say(`warning ${partition} ${f.path}: ${f.message}`);
      say(
        `${partition} ${s.stackName}: ${found.resources} resources, cdk-nag: ${found.errors.length} errors, ${found.warnings.length} warnings → ${outdir}`,
      );
      errors += found.errors.length;
    }
  }
  return errors === 0 ? 0 : 1;
};

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('synth failed:', e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
