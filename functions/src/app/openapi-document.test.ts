/**
 * The served OpenAPI document passes Redocly's recommended ruleset and Spectral's `spectral:oas` with no
 * error: every operation has an operationId, its security, its problem answers; no ambiguous paths.
 */
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { Document, type RulesetDefinition, Spectral } from '@stoplight/spectral-core';
import { Json } from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';

let h: Harness;
let doc: {
  tags: { name: string; description?: string }[];
  paths: Record<
    string,
    Record<string, { operationId?: string; security?: unknown[]; responses?: object; tags?: string[] }>
  >;
};
beforeAll(async () => {
  h = await startHarness();
  doc = (await (await h.call('GET', '/api/openapi.json')).json()) as typeof doc;
});
afterAll(() => h.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
  );

describe('the OpenAPI document', () => {
  it('names every operation once and declares its security and problem answers', () => {
    const ids = operations().map((o) => o.op.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { key, op } of operations()) {
      expect(Array.isArray(op.security), key).toBe(true);
      const statuses = Object.keys(op.responses ?? {});
      for (const s of ['400', '404', '409', '413', '415', '422', '429', '503'])
        expect(statuses, key).toContain(s);
      if ((op.security ?? []).length > 0)
        expect(statuses, key).toEqual(expect.arrayContaining(['401', '403']));
    }
    expect(doc.paths['/api/v1/auth/sign-in']?.post?.security).toEqual([]);
  });

  it('tags every operation with a declared, described tag', () => {
    const declared = new Map(doc.tags.map((t) => [t.name, t.description ?? '']));
    for (const { key, op } of operations()) {
      expect(op.tags?.length, key).toBeGreaterThan(0);
      for (const t of op.tags ?? []) expect(declared.get(t), `${key} ${t}`).toMatch(/\S/);
    }
  });

  it('passes Redocly’s recommended rules with no error', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: 'openapi.json',
      config,
    });
    const errors = problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId}: ${p.message} @ ${p.location[0]?.pointer ?? ''}`);
    expect(errors).toEqual([]);
    const warnings = problems.filter((p) => p.severity === 'warn');
    // Warnings too: every operation describes who may call it, the document its licence and contact.
    expect(warnings.map((w) => w.ruleId)).toEqual([]);
    console.info(
      `redocly: 0 errors, ${warnings.length} warnings`,
      warnings.map((w) => `${w.ruleId} ${w.location[0]?.pointer}`),
    );
  });

  it('passes Spectral’s spectral:oas rules with no error', async () => {
    const results = await spectralLint(doc);
    const errors = results
      .filter((r) => r.severity === 0)
      .map((r) => `${r.code}: ${r.message} @ ${r.path.join('/')}`);
    expect(errors).toEqual([]);
    const warnings = results.filter((r) => r.severity === 1);
    const byRule = new Map<string, number>();
    for (const w of warnings) byRule.set(String(w.code), (byRule.get(String(w.code)) ?? 0) + 1);
    console.info(`spectral: 0 errors, ${warnings.length} warnings`, Object.fromEntries(byRule));
    expect(Object.fromEntries(byRule)).toEqual({});
  });
});

/** Array schemas (`type: array`, or a type list holding it) that are not tuples. */
const ARRAYS_BUT_TUPLES =
  '$..[?(@ && !@.prefixItems && (@.type === "array" || (@.type && @.type.constructor.name === "Array" && @.type.includes("array"))))]';

/** Fails a schema without the field it is given (Spectral's `truthy`, without importing its package). */
const present = (value: unknown) => (value ? [] : [{ message: 'missing' }]);

const SPECTRAL_RULESET: RulesetDefinition = {
  extends: [[oas as RulesetDefinition, 'recommended']],
  rules: {
    // False positive in OpenAPI 3.1: a tuple (z.tuple, e.g. an indicator's quarterly plan) is JSON Schema
    // 2020-12 `prefixItems`, with no `items` beside it; `array-items` predates 3.1 and wants `items` on
    // every array. Replaced by the same check that accepts either.
    'array-items': 'off',
    'array-items-or-prefix-items': {
      message: 'Schemas with "type: array" require a sibling "items" (or, for a tuple, "prefixItems")',
      severity: 'error',
      resolved: false,
      given: ARRAYS_BUT_TUPLES,
      // biome-ignore lint/suspicious/noThenProperty: Spectral's rule format names its assertion `then`.
      then: { field: 'items', function: present },
    },
  },
};

const spectralLint = (document: unknown) => {
  const spectral = new Spectral();
  spectral.setRuleset(SPECTRAL_RULESET);
  return spectral.run(new Document(JSON.stringify(document), Json, 'openapi.json'));
};

describe('the Spectral ruleset', () => {
  it('still refuses an array without items, while it takes a tuple', async () => {
    const schema = (s: object) => ({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {},
      components: { schemas: { s } },
    });
    const codes = async (s: object) =>
      (await spectralLint(schema(s))).filter((r) => r.severity === 0).map((r) => r.code);
    expect(await codes({ type: 'array' })).toEqual(['array-items-or-prefix-items']);
    expect(await codes({ type: ['array', 'null'] })).toEqual(['array-items-or-prefix-items']);
    expect(await codes({ type: 'array', prefixItems: [{ type: 'number' }] })).toEqual([]);
    expect(await codes({ type: 'array', items: { type: 'number' } })).toEqual([]);
  });
});
