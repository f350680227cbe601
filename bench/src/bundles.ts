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
/** Runs per route module (every module of every HTTP function is measured). */
const MODULE_RUNS = 3;

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

interface Timing {
  /** Wall-clock milliseconds: loading the runtime's AWS SDK packages the bundle imports, then the rest. */
  sdk: number;
  own: number;
  total: number;
  /** CPU milliseconds of the whole import (user + system, every thread). */
  cpu: number;
  /** Wall-clock milliseconds of loading a route module after the init (0 when none is asked for). */
  module: number;
}

/**
 * Importing a bundle in a fresh Node process, measured inside it: first the AWS SDK packages it
 * imports (the runtime's, loaded anyway), then the bundle itself (its own code and dependencies).
 */
async function importTiming(
  bundle: string,
  sdk: string[],
  cwd: string,
  routeModule?: string,
): Promise<Timing> {
  const script = [
    'const c = process.cpuUsage(); const t0 = performance.now();',
    `for (const s of ${JSON.stringify(sdk)}) await import(s);`,
    'const t1 = performance.now();',
    `await import(${JSON.stringify(bundle)});`,
    'const t2 = performance.now(); const u = process.cpuUsage(c);',
    // Then, apart from the init: a route module, as the first request for one of its routes loads it.
    routeModule ? `await import(${JSON.stringify(routeModule)});` : '',
    'const t3 = performance.now();',
    'process.stdout.write(JSON.stringify({ sdk: t1 - t0, own: t2 - t1, total: t2 - t0, cpu: (u.user + u.system) / 1000, module: t3 - t2 }));',
  ].join(' ');
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...LAMBDA_ENV },
  });
  return JSON.parse(stdout) as Timing;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)] ?? Number.NaN;

export interface BundleFigures {
  name: string;
  kb: number;
  /** Chunks loaded on first use, not at a cold start. */
  lazyKb: number;
  gzipKb: number;
  /** Module init, the median of the runs; the fastest apart. */
  initMs: number;
  initBestMs: number;
  initCpuMs: number;
  /**
   * Of the init (medians): the runtime's AWS SDK packages the bundle imports, and the bundle's own code
   * (DESIGN §8's bar: the SDK is the runtime's, loaded by any function that uses it; our part ≤ 60 ms).
   */
  sdkMs: number;
  ownMs: number;
  sdk: string[];
  /**
   * An HTTP function's route modules (app/compose.ts loads one on the first request for one of its
   * routes, not at a cold start): the slowest to load after the init, median of its runs.
   */
  slowestModule?: { id: string; ms: number; count: number };
}

export async function measureBundles(): Promise<BundleFigures[]> {
  const dir = await mkdtemp(join(tmpdir(), 'jiandu-bench-bundles-'));
  try {
    const bundles = await buildBundles(dir);
    await provideRuntimeSdk(dir);
    const measured = await Promise.all(
      bundles.map(async (b) => {
        const code = Buffer.concat(await Promise.all(b.initFiles.map((f) => readFile(f))));
        // The SDK packages imported statically (`from"@aws-sdk/…"`); `import("@aws-sdk/…")` loads on first use.
        const sdk = [
          ...new Set(
            [...code.toString('utf8').matchAll(/from\s*"(@aws-sdk\/[a-z0-9-]+)"/g)].map((m) => m[1]!),
          ),
        ].sort();
        return { b, code, sdk, url: pathToFileURL(b.file).href, runs: [] as Timing[] };
      }),
    );
    // Round by round, every bundle once a round: a slow spell of the machine falls on all of them alike,
    // not on whichever bundle was being measured then.
    for (let i = 0; i < RUNS; i++)
      for (const m of measured) m.runs.push(await importTiming(m.url, m.sdk, m.b.dir));
    const out: BundleFigures[] = [];
    for (const { b, code, sdk, url, runs } of measured) {
      const best = runs.reduce((a, r) => (r.total < a.total ? r : a));
      let slowestModule: BundleFigures['slowestModule'];
      for (const m of b.routeModules) {
        const times: number[] = [];
        for (let i = 0; i < MODULE_RUNS; i++)
          times.push((await importTiming(url, sdk, b.dir, pathToFileURL(m.file).href)).module);
        const ms = median(times);
        if (!slowestModule || ms > slowestModule.ms)
          slowestModule = { id: m.id, ms, count: b.routeModules.length };
      }
      out.push({
        name: b.name,
        kb: b.bytes / 1024,
        lazyKb: b.lazyBytes / 1024,
        gzipKb: gzipSync(code).length / 1024,
        initMs: median(runs.map((t) => t.total)),
        initBestMs: best.total,
        initCpuMs: median(runs.map((t) => t.cpu)),
        sdkMs: median(runs.map((t) => t.sdk)),
        ownMs: median(runs.map((t) => t.own)),
        sdk,
        ...(slowestModule ? { slowestModule } : {}),
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
      what: `Lambda bundle \`${f.name}\`: module init, our code (the runtime's AWS SDK apart)`,
      store: '—',
      figure: `${f.ownMs.toFixed(0)} ms (of ${f.initMs.toFixed(0)} ms: the runtime's AWS SDK ${f.sdkMs.toFixed(0)} ms)`,
      bar: `≤ ${INIT_BAR_MS} ms`,
      pass: f.ownMs <= INIT_BAR_MS,
    });
    if (f.slowestModule)
      rows.push({
        what: `Lambda bundle \`${f.name}\`: its first request, loading its slowest route module after the init`,
        store: '—',
        figure: `${f.slowestModule.ms.toFixed(0)} ms (\`${f.slowestModule.id}\`, of ${f.slowestModule.count} modules): a cold start to it ${(f.ownMs + f.slowestModule.ms).toFixed(0)} ms of our code`,
        bar: '— (not init)',
        pass: null,
      });
  }
  const details = figures.map(
    (f) =>
      `\`${f.name}\`: ${f.kb.toFixed(1)} KB minified loaded at a cold start (${f.gzipKb.toFixed(1)} KB gzipped), ${f.lazyKb.toFixed(1)} KB more in chunks loaded on first use; init ${f.initMs.toFixed(0)} ms median (${f.sdk.join(', ')} ${f.sdkMs.toFixed(0)} ms, then the bundle ${f.ownMs.toFixed(0)} ms), ${f.initBestMs.toFixed(0)} ms fastest, ${f.initCpuMs.toFixed(0)} ms of CPU (median).`,
  );
  const notes = [
    `Lambda bundles: \`functions/src/bundles.ts\` (esbuild: ESM, minified, ES2022, \`@aws-sdk/*\` external as the Lambda runtime ships it; zod's unused locales, \`z.compile\` and \`z.fromJSONSchema\` stubbed). Size: the bytes a cold start loads — each \`index.mjs\` and the chunks it imports statically, transitively (KB = 1024 bytes); chunks reached only by a dynamic \`import()\` (the spreadsheet libraries, the S3 client's adapter …) load on first use and are given apart in the details. Init: each bundle imported in ${RUNS} fresh Node processes, in rounds of one each (medians are the figures; the fastest run and CPU time are in the details) from a temporary folder holding only the bundles and a link to the AWS SDK, with the environment the stack sets; the time of \`import()\` inside the process, so Node's own start is excluded and the SDK's loading included (as in Lambda's init phase), split into the SDK packages the bundle imports (loaded first) and the bundle itself — our code, the part the bar is about (the SDK is the runtime's: any function using DynamoDB loads it). An HTTP function mounts its routes from the manifest made at build time and loads a route module (its schemas, handlers and services) on the first request for one of its routes (\`functions/src/app/compose.ts\`), so a cold start loads none: each module's chunk is imported after the init in ${MODULE_RUNS} fresh processes, and the slowest module's median is given with what a cold start to it costs in all (init + module; the rest of a first request — the KMS keys, the store — is not code loading).`,
  ];
  return { rows, details, notes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { rows, details } = await benchBundles();
  process.stdout.write(`${resultsTable(rows)}\n\n${details.map((d) => `- ${d}`).join('\n')}\n`);
}
