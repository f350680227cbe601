/**
 * DESIGN §8 "first route ≤ 300 KB of JavaScript gzipped": the SPA built as `npm run build` builds it,
 * then measured from the build output by admin/scripts/bundle-size.mjs (the entry and each first route
 * with its lazy chunks and their static imports). `npx tsx bench/src/spa.ts` prints the rows alone.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Row } from './report.js';

const run = promisify(execFile);
const ADMIN = resolve(import.meta.dirname, '../../admin');

export async function benchSpa(): Promise<{ rows: Row[]; details: string[] }> {
  await run('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: ADMIN, maxBuffer: 16 * 2 ** 20 });
  // bundle-size exits 1 above the bar: its lines are the figures either way.
  const out = await run(process.execPath, ['scripts/bundle-size.mjs'], { cwd: ADMIN }).catch(
    (e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }),
  );
  const rows: Row[] = [];
  const details: string[] = [];
  for (const line of out.stdout.split('\n')) {
    const m = /^(first route [^:]+): ([\d.]+) KB gzipped JavaScript in (\d+) files$/.exec(line.trim());
    if (m) {
      const kb = Number(m[2]);
      rows.push({
        what: `SPA ${m[1]}`,
        store: '—',
        figure: `${kb.toFixed(1)} KB gzipped`,
        bar: '≤ 300 KB',
        pass: kb <= 300,
      });
      details.push(
        `SPA ${m[1]}: ${kb.toFixed(1)} KB of gzipped JavaScript in ${m[3]} files (\`node admin/scripts/bundle-size.mjs\` after \`vite build\`).`,
      );
    } else if (line.startsWith('entry:')) details.push(`SPA ${line.trim()}.`);
  }
  if (rows.length === 0) throw new Error(`bundle-size printed no route:\n${out.stdout}`);
  return { rows, details };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { resultsTable } = await import('./report.js');
  const { rows, details } = await benchSpa();
  process.stdout.write(`${resultsTable(rows)}\n\n${details.map((d) => `- ${d}`).join('\n')}\n`);
}
