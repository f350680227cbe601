/** `npm run job -- <name>`: runs one job of the registry now, and prints what it did. */
import { isJobName, jobs, runJob } from '../jobs/index.js';
import { runCli, say } from './run-cli.js';

const name = process.argv[2] ?? '';

if (!isJobName(name)) {
  console.error(`usage: npm run job -- <name>; jobs: ${Object.keys(jobs).join(', ')}`);
  process.exit(2);
}

runCli(`job ${name}`, async ({ deps }) => {
  const result = await runJob(deps, name);
  say(JSON.stringify(result));
  return 0;
});
