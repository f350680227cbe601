/**
 * DESIGN §8 "Lambda bundles": each handler's minified bundle size (bar ≤ 300 KB) and its module init
 * time (bar ≤ 60 ms) — the bundles of functions/src/bundles.ts built into a temporary folder beside the
 * AWS SDK alone (as the Lambda runtime provides it), each imported in fresh Node processes with the
 * environment the stack sets; the time is `import()` of the bundle as measured inside that process.
 * `npx tsx bench/src/bundles.ts` prints the rows alone; `benchBundles()` gives them to the report.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { buildBundles, provideRuntimeSdk } from '@jiandu/functions/bundles';
import { type Row, resultsTable } from './report.js';

const run = promisify(execFile);

export const SIZE_BAR_KB = 300;
export const INIT_BAR_MS = 60;
const RUNS = 7;

/** Fake values of what the stack sets: each entry parses its environment when its module loads. */
const LAMBDA_ENV = {
  TABLE_NAME: 'Jiandu-Table',
  AUTH_ISSUER: 'https://cognito-idp.ap-east-1.amazonaws.com/ap-east-1_bench',
  AUTH_AUDIENCE: 'bench',
  AUTH_JWKS_URL: 'https://cognito-idp.ap-east-1.amazonaws.com/ap-east-1_bench/.well-known/jwks.json',
  AUTH_ROLES_CLAIM: 'cognito:groups',
  AUTH_UNIT_CLAIM: 'custom:unit',
  PII_KMS_KEY_ID: 'bench-key',
  EVIDENCE_BUCKET: 'evidence',
  DIGEST_BUCKET: 'digests',
  AWS_REGION: 'ap-east-1',
  NODE_NO_WARNINGS: '1',
};

/** Milliseconds to import `specifiers` in a fresh Node process, measured inside it. */
async function importMs(specifiers: string[], cwd: string): Promise<number> {
  const script = `const t = performance.now(); for (const s of ${JSON.stringify(specifiers)}) await import(s); process.stdout.write(String(performance.now() - t));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...LAMBDA_ENV },
  });
  return Number(stdout);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export interface BundleFigures {
  name: string;
  kb: number;
  gzipKb: number;
  initMs: number;
  /** The part of it spent loading the runtime's AWS SDK clients the bundle imports. */
  sdkMs: number;
  sdk: string[];
}

export async function measureBundles(): Promise<BundleFigures[]> {
  const dir = await mkdtemp(join(tmpdir(), 'jiandu-bench-bundles-'));
  try {
    const bundles = await buildBundles(dir);
    await provideRuntimeSdk(dir);
    const out: BundleFigures[] = [];
    for (const b of bundles) {
      const code = await readFile(b.file);
      const sdk = [...new Set(code.toString('utf8').match(/@aws-sdk\/[a-z0-9-]+/g) ?? [])].sort();
      const init: number[] = [];
      const sdkOnly: number[] = [];
      // Interleaved, so a burst of other work on the machine hits both alike.
      for (let i = 0; i < RUNS; i++) {
        init.push(await importMs([pathToFileURL(b.file).href], b.dir));
        sdkOnly.push(await importMs(sdk, b.dir));
      }
      out.push({
        name: b.name,
        kb: b.bytes / 1024,
        gzipKb: gzipSync(code).length / 1024,
        initMs: median(init),
        sdkMs: median(sdkOnly),
        sdk,
      });
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchBundles(): Promise<{ rows: Row[]; details: string[]; notes: string[] }> {
  const figures = await measureBundles();
  const rows: Row[] = [];
  for (const f of figures) {
    rows.push({
      what: `Lambda bundle \`${f.name}\`: minified size`,
      store: '—',
      figure: `${f.kb.toFixed(1)} KB (${f.gzipKb.toFixed(1)} KB gzipped)`,
      bar: `≤ ${SIZE_BAR_KB} KB`,
      pass: f.kb <= SIZE_BAR_KB,
    });
    rows.push({
      what: `Lambda bundle \`${f.name}\`: module init`,
      store: '—',
      figure: `${f.initMs.toFixed(0)} ms (of which the runtime's AWS SDK ${f.sdkMs.toFixed(0)} ms)`,
      bar: `≤ ${INIT_BAR_MS} ms`,
      pass: f.initMs <= INIT_BAR_MS,
    });
  }
  const details = figures.map(
    (f) =>
      `\`${f.name}\`: ${f.kb.toFixed(1)} KB minified, ${f.gzipKb.toFixed(1)} KB gzipped; init ${f.initMs.toFixed(0)} ms, loading ${f.sdk.join(', ')} alone ${f.sdkMs.toFixed(0)} ms.`,
  );
  const notes = [
    `Lambda bundles: \`functions/src/bundles.ts\` (esbuild: ESM, minified, ES2022, \`@aws-sdk/*\` external as the Lambda runtime ships it; zod's unused locales, \`z.compile\` and \`z.fromJSONSchema\` stubbed). Size: the bytes of each \`index.mjs\` (KB = 1024 bytes). Init: each bundle imported in ${RUNS} fresh Node processes (median) from a temporary folder holding only the bundles and a link to the AWS SDK, with the environment the stack sets; the time of \`import()\` inside the process, so Node's own start is excluded, the SDK's loading included (as in Lambda's init phase). The SDK part is the same processes' sibling run importing only the SDK packages the bundle imports.`,
  ];
  return { rows, details, notes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { rows, details } = await benchBundles();
  process.stdout.write(`${resultsTable(rows)}\n\n${details.map((d) => `- ${d}`).join('\n')}\n`);
}
