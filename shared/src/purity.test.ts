/**
 * The domain core reads no clock, no randomness, no AWS and no Hono (DESIGN §5): this test fails when a
 * non-test file of shared/src imports or calls one of them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('.', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

const forbidden: [string, RegExp][] = [
  ['an AWS SDK import', /from\s+['"]@aws-sdk\//],
  ['a Hono import', /from\s+['"](hono|@hono\/)/],
  ['a React import', /from\s+['"]react/],
  ['a Node built-in import', /from\s+['"]node:/],
  ['Date.now()', /Date\.now\s*\(/],
  ['new Date() without an argument', /new\s+Date\s*\(\s*\)/],
  ['Math.random', /Math\.random/],
  ['crypto.randomUUID / getRandomValues', /crypto\.(randomUUID|getRandomValues)/],
  ['process.env', /process\.env/],
  ['performance.now()', /performance\.now/],
];

export function violations(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  return forbidden.filter(([, re]) => re.test(code)).map(([what]) => what);
}

describe('the pure core', () => {
  it('has no clock, randomness, AWS, Hono or environment reads in any source file', () => {
    const found = sources(root).flatMap((f) =>
      violations(readFileSync(f, 'utf8')).map((v) => `${relative(root, f)}: ${v}`),
    );
    expect(found).toEqual([]);
  });

  it('catches each forbidden construct (the check itself can fail)', () => {
    expect(violations("import { DynamoDBClient } from '@aws-sdk/client-dynamodb';")).toEqual([
      'an AWS SDK import',
    ]);
    expect(violations("import { Hono } from 'hono';")).toEqual(['a Hono import']);
    expect(violations('const t = Date.now();')).toEqual(['Date.now()']);
    expect(violations('const t = new Date();')).toEqual(['new Date() without an argument']);
    expect(violations('const t = new Date(0);')).toEqual([]);
    expect(violations('const r = Math.random();')).toEqual(['Math.random']);
    expect(violations('// Date.now() in a comment is fine')).toEqual([]);
  });
});
