/**
 * Only the store speaks DynamoDB (issue 13; dependency-cruiser keeps its SDK imports in store/): no
 * other module names an index, its key attributes, or writes a query expression — they name partitions
 * (keys.ts `partitions`) and call the store.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');
const FORBIDDEN =
  /\bIndexName\b|['"`]gsi[123](pk|sk)?['"`]|\bgsi[123](pk|sk)\b|KeyConditionExpression|FilterExpression/;

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

describe('the store boundary', () => {
  it('finds the pattern where it is (the store itself names its indexes)', () => {
    expect(FORBIDDEN.test(readFileSync(join(SRC, 'store/record-store.ts'), 'utf8'))).toBe(true);
  });

  it('leaves index names and query expressions to store/ (and the table definition the local runner creates)', () => {
    const offenders = sources(SRC)
      .map((f) => relative(SRC, f))
      .filter((f) => !f.startsWith('store/'))
      .filter((f) => FORBIDDEN.test(readFileSync(join(SRC, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
