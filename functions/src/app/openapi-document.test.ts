/**
 * The served OpenAPI document passes Redocly's recommended ruleset with no error: every operation has an
 * operationId, its security, its problem answers; no ambiguous paths.
 */
import { createConfig, lintFromString } from '@redocly/openapi-core';
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
    console.info(
      `redocly: 0 errors, ${warnings.length} warnings`,
      warnings.map((w) => `${w.ruleId} ${w.location[0]?.pointer}`),
    );
  });
});
