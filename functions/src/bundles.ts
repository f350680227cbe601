/**
 * The Lambda bundles (DESIGN §8): each entry of handlers/registry.ts bundled alone by esbuild — ESM,
 * minified, tree-shaken, Node.js syntax of ES2022 (runs on Node.js 20 here and 24 in Lambda) — with the
 * AWS SDK v3 left out, since the Lambda runtime ships it. One folder per handler
 * (`<outDir>/<name>/index.mjs`), the asset the CDK stack deploys. No Docker: esbuild runs here.
 */

import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import {
  API_DOCUMENT_FILE,
  HANDLER_NAMES,
  type HandlerName,
  ROUTE_MANIFEST_FILE,
} from './handlers/registry.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Where `npm run bundle` and the CDK app put the bundles. */
export const DEFAULT_BUNDLE_DIR = resolve(here, '../dist/lambda');

export const BUNDLE_FILE = 'index.mjs';

export interface Bundle {
  name: HandlerName;
  dir: string;
  file: string;
  /**
   * What a cold start loads: index.mjs and every chunk it imports statically, transitively (the size the
   * DESIGN §8 bar is about). Chunks reached only by a dynamic import() load on first use: `lazyBytes`.
   */
  bytes: number;
  lazyBytes: number;
  /** The files a cold start loads (index.mjs first). */
  initFiles: string[];
  /**
   * The route modules (functions/src/routes/<id>.ts) of an HTTP function: each a chunk of its own, loaded
   * on the first request for one of its routes (app/compose.ts), with the chunks it imports.
   */
  routeModules: { id: string; file: string }[];
}

/** Some dependencies are CommonJS and call require(): give the ESM bundle one. */
const REQUIRE_SHIM =
  "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";

/**
 * The app's zod is zod/mini (shared/src/zod.ts), imported as a namespace, so esbuild keeps only what
 * is used — but three modules it reaches are never used here: every locale (~250 KB, through the `locales`
 * namespace; the app sets English itself), `z.compile` (an opt-in fast path whose own contract is to hand
 * a schema back unchanged when it cannot compile it — the stub always does) and classic zod's
 * `z.fromJSONSchema`. They are replaced by stubs, so a handler bundle carries the zod the app runs.
 */
const ZOD_STUBS: { file: RegExp; contents: string }[] = [
  {
    file: /zod\/v4\/locales\/index\.js$/,
    contents: "export { default as en } from './en.js';",
  },
  {
    file: /zod\/v4\/core\/compile\.js$/,
    contents: [
      "export const INVALID = Symbol.for('zod.compile.invalid');",
      'export class ZodCompileAsyncError extends Error {}',
      'export class ZodCompileUnsupportedError extends Error {}',
      'export function compile(schema) { return schema; }',
      "export function compileFn() { throw new ZodCompileUnsupportedError('z.compile is not bundled'); }",
      "export function withParser() { throw new ZodCompileUnsupportedError('z.compile is not bundled'); }",
    ].join('\n'),
  },
  {
    file: /zod\/v4\/classic\/from-json-schema\.js$/,
    contents: "export function fromJSONSchema() { throw new Error('z.fromJSONSchema is not bundled'); }",
  },
];

/**
 * zod's JSON Schema output (`z.toJSONSchema`, `schema.toJSONSchema()`, Standard Schema's `jsonSchema`):
 * no Lambda calls it — the API's OpenAPI document is made at build time, from source
 * (app/api-document.ts) — yet every schema type refers to its processor, so esbuild keeps ~25 KB of it.
 * In a bundle each of these functions throws when called; the few that run when a schema is built (the
 * factories of the methods) still return a method, which throws when called. `aggregateChecks` (a
 * schema's minLength, format …) is kept as zod wrote it.
 */
const JSON_SCHEMA_FILES = /zod\/v4\/core\/(json-schema-processors|to-json-schema|json-schema-generator)\.js$/;
const KEPT = 'export function aggregateChecks';
const notBundled = "throw new Error('zod JSON Schema output is not bundled')";

/** A JSON Schema module of zod with the same exports, each throwing (see JSON_SCHEMA_FILES). */
export function jsonSchemaStub(source: string): string {
  // The helpers aggregateChecks uses come before it, so the module up to its end is kept as it is.
  const kept = source.indexOf(KEPT);
  const keptEnd = kept < 0 ? -1 : source.indexOf('\n}\n', kept);
  const head = keptEnd < 0 ? '' : `${source.slice(0, keptEnd + 3)}\n`;
  const names = [...source.matchAll(/^export (?:const|function|class) (\w+)/gm)]
    .map((m) => m[1]!)
    .filter((n) => n !== 'aggregateChecks');
  const aliases = [...source.matchAll(/^export \{ (\w+) as (\w+) \};/gm)].map(
    (m) => `export { ${m[1]} as ${m[2]} };`,
  );
  const stubs = names.map((n) =>
    /^create\w*Method$/.test(n)
      ? `export const ${n} = () => () => { ${notBundled}; };`
      : /^[A-Z]/.test(n)
        ? `export class ${n} { constructor() { ${notBundled}; } }`
        : `export function ${n}() { ${notBundled}; }`,
  );
  // Keep only the imports aggregateChecks needs (the util helpers); the rest pointed at other stubs.
  return [
    head.replace(/^import .*from "\.\/(?:to-json-schema|schemas)\.js";$/gm, ''),
    ...stubs,
    ...aliases,
  ].join('\n');
}

export const zodTrim: Plugin = {
  name: 'zod-trim',
  setup(b) {
    for (const { file, contents } of ZOD_STUBS) {
      b.onLoad({ filter: file }, (args) => ({ contents, loader: 'js', resolveDir: dirname(args.path) }));
    }
    b.onLoad({ filter: JSON_SCHEMA_FILES }, async (args) => ({
      contents: jsonSchemaStub(await readFile(args.path, 'utf8')),
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

export async function buildBundle(name: HandlerName, outDir = DEFAULT_BUNDLE_DIR): Promise<Bundle> {
  const dir = join(outDir, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const file = join(dir, BUNDLE_FILE);
  const result = await build({
    metafile: true,
    entryPoints: [join(here, 'handlers', `${name}.ts`)],
    // index.mjs, plus a chunk per dynamic import (the spreadsheet libraries load only when used).
    outdir: dir,
    entryNames: 'index',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'es2022',
    minify: true,
    treeShaking: true,
    mainFields: ['module', 'main'],
    external: ['@aws-sdk/*'],
    banner: { js: REQUIRE_SHIM },
    legalComments: 'external',
    charset: 'utf8',
    plugins: [zodTrim],
    logLevel: 'warning',
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((o) => resolve(o) === file);
  if (!entry) throw new Error(`esbuild wrote no ${file}`);
  const atInit = new Set<string>();
  const visit = (o: string) => {
    if (atInit.has(o)) return;
    atInit.add(o);
    for (const i of outputs[o]?.imports ?? [])
      if (i.kind === 'import-statement' && i.path in outputs) visit(i.path);
  };
  visit(entry);
  let bytes = 0;
  let lazyBytes = 0;
  for (const [o, out] of Object.entries(outputs)) {
    if (!o.endsWith('.mjs')) continue;
    if (atInit.has(o)) bytes += out.bytes;
    else lazyBytes += out.bytes;
  }
  // An HTTP function mounts its routes from their manifest, so it loads a route module only on a
  // request for one of its routes: made here, from the declarations.
  // (The app's modules load here only: infra imports this module to build the bundles.)
  const [{ ALL_GROUPS }, { modulesOf }, { routeManifest }, { apiDocument }] = await Promise.all([
    import('./app/groups/index.js'),
    import('./app/groups/group.js'),
    import('./app/route-manifest.js'),
    import('./app/api-document.js'),
  ]);
  const group = ALL_GROUPS.find((g) => g.name === name);
  if (group) {
    const manifest = await routeManifest(modulesOf([group]));
    await writeFile(join(dir, ROUTE_MANIFEST_FILE), JSON.stringify(manifest));
  }
  // The `api` function serves the whole API's OpenAPI document: made here, from the declarations.
  if (name === 'api') await writeFile(join(dir, API_DOCUMENT_FILE), JSON.stringify(await apiDocument()));
  const routeModules = Object.entries(outputs).flatMap(([o, out]) => {
    const id = /(?:^|\/)src\/routes\/([a-z-]+)\.ts$/.exec(out.entryPoint ?? '')?.[1];
    return id && o.endsWith('.mjs') ? [{ id, file: resolve(o) }] : [];
  });
  return { name, dir, file, bytes, lazyBytes, initFiles: [...atInit].map((o) => resolve(o)), routeModules };
}

export async function buildBundles(outDir = DEFAULT_BUNDLE_DIR): Promise<Bundle[]> {
  return Promise.all(HANDLER_NAMES.map((n) => buildBundle(n, outDir)));
}

/**
 * Gives a folder of bundles the AWS SDK v3 and nothing else, as the Lambda runtime does: a
 * `node_modules/@aws-sdk` link to this repository's copy. Importing a bundle from there then fails on any
 * other package the bundle left out — what measuring init time and the load test rely on.
 */
export async function provideRuntimeSdk(outDir: string): Promise<void> {
  const sdkPackage = createRequire(import.meta.url).resolve('@aws-sdk/client-dynamodb/package.json');
  const sdk = dirname(dirname(sdkPackage));
  await mkdir(join(outDir, 'node_modules'), { recursive: true });
  await rm(join(outDir, 'node_modules', '@aws-sdk'), { recursive: true, force: true });
  await symlink(sdk, join(outDir, 'node_modules', '@aws-sdk'), 'dir');
}
