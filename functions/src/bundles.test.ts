import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDocument } from './app/api-document.js';
import { modulesOf } from './app/groups/group.js';
import { ALL_GROUPS } from './app/groups/index.js';
import { routeManifest } from './app/route-manifest.js';
import { type Bundle, buildBundles, provideRuntimeSdk, zodTrim } from './bundles.js';
import { API_DOCUMENT_FILE, HANDLER_NAMES, ROUTE_MANIFEST_FILE } from './handlers/registry.js';
import { zodTrimProbe } from './testing/zod-trim-fixture.js';

const run = promisify(execFile);
let dir: string;
let bundles: Bundle[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiandu-bundles-test-'));
  bundles = await buildBundles(dir);
  await provideRuntimeSdk(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** What the stack sets (fake values): the entries parse their environment when the module loads. */
const ENV = {
  TABLE_NAME: 't',
  AUTH_ISSUER: 'https://issuer.example',
  AUTH_AUDIENCE: 'a',
  AUTH_JWKS_URL: 'https://issuer.example/.well-known/jwks.json',
  AUTH_ROLES_CLAIM: 'cognito:groups',
  AUTH_UNIT_CLAIM: 'custom:unit',
  PII_KMS_KEY_ID: 'k',
  EVIDENCE_BUCKET: 'e',
  DIGEST_BUCKET: 'd',
  AWS_REGION: 'ap-east-1',
};

describe('the Lambda bundles', () => {
  it('are one ESM file per entry point, minified', () => {
    expect(bundles.map((b) => b.name)).toEqual(HANDLER_NAMES);
    for (const b of bundles) {
      expect(b.file).toBe(join(dir, b.name, 'index.mjs'));
      expect(b.bytes).toBeGreaterThan(10_000);
    }
  });

  it('give the api function the OpenAPI document of the whole API, made at build time', async () => {
    const doc = JSON.parse(await readFile(join(dir, 'api', API_DOCUMENT_FILE), 'utf8')) as {
      paths: Record<string, unknown>;
    };
    expect(doc).toEqual(JSON.parse(JSON.stringify(await apiDocument())));
    // Routes of every group, not only the api function's own.
    for (const path of [
      '/api/v1/auth/sign-in',
      '/api/v1/findings',
      '/api/v1/rankings/draft',
      '/api/v1/imports/rectification-ledger',
      '/api/v1/home',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
    // The function reads it relative to its own module (handlers/api.ts): that code must be in index.mjs.
    expect(await readFile(join(dir, 'api', 'index.mjs'), 'utf8')).toContain(API_DOCUMENT_FILE);
  });

  it('give each HTTP function its routes’ manifest, and load no route module at a cold start', async () => {
    for (const group of ALL_GROUPS) {
      const b = bundles.find((x) => x.name === group.name)!;
      const manifest = JSON.parse(await readFile(join(b.dir, ROUTE_MANIFEST_FILE), 'utf8'));
      const modules = modulesOf([group]);
      expect(manifest, b.name).toEqual(await routeManifest(modules));
      // The function reads it relative to its own module: that code must be in index.mjs.
      expect(await readFile(b.file, 'utf8'), b.name).toContain(ROUTE_MANIFEST_FILE);
      // Each module a chunk of its own, none of them loaded by a cold start.
      expect(b.routeModules.map((m) => m.id).sort(), b.name).toEqual(modules.map((m) => m.id).sort());
      for (const m of b.routeModules) expect(b.initFiles, `${b.name} ${m.id}`).not.toContain(m.file);
    }
    for (const b of bundles.filter((x) => !ALL_GROUPS.some((g) => g.name === x.name))) {
      expect(b.routeModules, b.name).toEqual([]);
      await expect(readFile(join(b.dir, ROUTE_MANIFEST_FILE)), b.name).rejects.toThrow();
    }
  });

  it('load a route module after a cold start, with only the runtime SDK beside it', async () => {
    const b = bundles.find((x) => x.name === 'api-records')!;
    const chunk = b.routeModules.find((m) => m.id === 'rectifications')!;
    const { stdout } = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `await import(${JSON.stringify(pathToFileURL(b.file).href)});
         const m = await import(${JSON.stringify(pathToFileURL(chunk.file).href)});
         console.log(Object.values(m).filter((v) => typeof v === 'function').length);`,
      ],
      { env: { PATH: process.env.PATH, ...ENV }, cwd: process.cwd() },
    );
    expect(Number(stdout.trim())).toBeGreaterThan(0);
  });

  it('leave the AWS SDK to the Lambda runtime: imported, never bundled', async () => {
    for (const b of bundles) {
      const code = await readFile(b.file, 'utf8');
      expect(code, b.name).toMatch(/from"@aws-sdk\/client-dynamodb"/);
      expect(code, b.name).not.toMatch(/TransactWriteItemsCommand extends/);
    }
  });

  it.each(HANDLER_NAMES)(
    '%s loads in a fresh Node process with only the runtime SDK beside it',
    async (name) => {
      const file = pathToFileURL(join(dir, name, 'index.mjs')).href;
      const { stdout } = await run(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const m = await import(${JSON.stringify(file)}); console.log(typeof m.handler);`,
        ],
        { env: { PATH: process.env.PATH, ...ENV }, cwd: process.cwd() },
      );
      expect(stdout.trim()).toBe('function');
    },
  );
});

describe('the zod trim (bundles.ts zodTrim: locales, z.compile, JSON Schema output stubbed)', () => {
  it('leaves parsing and refusals as zod gives them unbundled', async () => {
    const out = join(dir, 'zod-trim-probe');
    await build({
      entryPoints: [join(import.meta.dirname, 'testing', 'zod-trim-fixture.ts')],
      outdir: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'es2022',
      minify: true,
      mainFields: ['module', 'main'],
      outExtension: { '.js': '.mjs' },
      plugins: [zodTrim],
      logLevel: 'error',
    });
    const bundled = (await import(pathToFileURL(join(out, 'zod-trim-fixture.mjs')).href)) as {
      zodTrimProbe: typeof zodTrimProbe;
    };
    const trimmed = bundled.zodTrimProbe();
    const source = zodTrimProbe();
    expect(trimmed.refused).toEqual(source.refused);
    expect(trimmed.checked).toEqual(source.checked);
    expect(source.checked.length).toBe(3);
    expect(source.refused.length).toBeGreaterThan(0);
    // Messages in words, bundled too (shared/src/zod.ts sets English; zod/mini alone says "Invalid input").
    expect(trimmed.checked.map((c) => c[2])).toEqual([
      'Too small: expected string to have >=2 characters',
      'Invalid email address',
      'Invalid input: expected int, received number',
    ]);
    // The one thing trimmed away, and only in the bundle.
    expect(source.jsonSchema).toMatch(/"type":"string"/);
    expect(trimmed.jsonSchema).toBe('zod JSON Schema output is not bundled');
  });
});
