import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** Spellings of one path that a router may decode to the same route. */
const variants = (path: string) => [
  path.replace('/api/', '/%61pi/'),
  path.replace('/v1/', '/%76%31/'),
  path.replace(/\/([a-z])/, (_, ch: string) => `/%${ch.charCodeAt(0).toString(16).toUpperCase()}`),
];

describe('role checks apply to the route the router matched, however the path is spelled', () => {
  it.each([
    ['GET', '/api/v1/operation-log'],
    ['GET', '/api/v1/job-runs'],
    ['GET', '/api/v1/notifications/dead-letters'],
    ['GET', '/api/v1/notifications/subscriptions'],
    ['PUT', '/api/v1/notifications/subscriptions'],
  ])('a unit officer is refused %s %s in every percent-encoded spelling', async (method, path) => {
    const token = await h.token('unit_officer', 'ds-a');
    for (const p of [path, ...variants(path)]) {
      const res = await h.call(method, p, { token, body: method === 'PUT' ? { rules: [] } : undefined });
      expect([p, res.status]).toEqual([p, 403]);
    }
  });
});
