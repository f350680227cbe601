/**
 * The reliability proofs of issue 5 at full size (DESIGN §8): `npm test` runs them reduced; the bench
 * runs them as written in the issue — 10,000 bad requests, a 50,000-signal ingest killed mid-way,
 * 50 racers per version — each test printing one summary line that becomes the row's figure.
 * `npx tsx bench/src/proofs.ts` prints the rows alone.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Row } from './report.js';

const TEST_DIR = resolve(import.meta.dirname, '../../test');

interface Proof {
  what: string;
  file: string;
  env: Record<string, string>;
  /** The summary line's prefix. */
  tag: string;
  bar: string;
}

export const PROOFS: Proof[] = [
  {
    what: '10,000 generated bad requests against every route',
    file: 'src/proofs/bad-requests.test.ts',
    env: { BAD_REQUESTS: '10000' },
    tag: 'bad-requests:',
    bar: '0 × 5xx, all problem+json, nothing stored',
  },
  {
    what: 'DynamoDB Local SIGKILLed mid-way through a 50,000-signal ingest',
    file: 'src/proofs/kill-store.test.ts',
    env: { KILL_SIGNALS: '50000' },
    tag: 'kill-store:',
    bar: '0 lost, 0 duplicated, aggregates = rebuild, chains verify',
  },
  {
    what: '50 concurrent transitions of one rectification, 4 versions',
    file: 'src/proofs/racing-transitions.test.ts',
    env: {},
    tag: 'racing-transitions:',
    bar: 'one winner per version, every loser 409 + current state',
  },
];

/** Runs one proof's test file; resolves with its exit code and the summary line it printed. */
function runProof(p: Proof): Promise<{ code: number; line: string | null; seconds: number }> {
  const t0 = performance.now();
  return new Promise((done) => {
    const child = spawn(
      'npx',
      ['vitest', 'run', p.file, '--retry=0', '--testTimeout=5400000', '--hookTimeout=600000'],
      // No colours: vitest would wrap the summary line in escape codes, and it is read by its prefix.
      {
        cwd: TEST_DIR,
        env: { ...process.env, ...p.env, NO_COLOR: '1', FORCE_COLOR: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let line: string | null = null;
    const scan = (chunk: Buffer) => {
      for (const l of chunk.toString().split('\n'))
        if (l.startsWith(p.tag)) line = l.slice(p.tag.length).trim();
    };
    child.stdout.on('data', scan);
    child.stderr.on('data', scan);
    child.on('close', (code) => done({ code: code ?? 1, line, seconds: (performance.now() - t0) / 1000 }));
  });
}

export async function benchProofs(log: (s: string) => void): Promise<{ rows: Row[]; details: string[] }> {
  const rows: Row[] = [];
  const details: string[] = [];
  for (const p of PROOFS) {
    log(`proof: ${p.what} …`);
    const r = await runProof(p);
    rows.push({
      what: `proof: ${p.what}`,
      store: p.file.includes('kill') ? 'on disk' : 'in memory',
      figure: r.line ?? `the test printed no summary (exit ${r.code})`,
      bar: p.bar,
      pass: r.code === 0,
    });
    details.push(
      `Proof \`test/${p.file}\` with ${
        Object.entries(p.env)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ') || 'its own size'
      }: exit ${r.code} after ${Math.round(r.seconds)} s.`,
    );
  }
  return { rows, details };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { resultsTable } = await import('./report.js');
  const { rows, details } = await benchProofs((s) => process.stdout.write(`${s}\n`));
  process.stdout.write(`${resultsTable(rows)}\n\n${details.map((d) => `- ${d}`).join('\n')}\n`);
}
