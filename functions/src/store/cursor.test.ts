import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BadCursor, CursorSeal } from './cursor.js';

const seal = new CursorSeal(randomBytes(32));
const KEY = { pk: 'finding#01A', sk: 'state', gsi1pk: 'list#finding', gsi1sk: '2025-05-10' };
const LIST = { IndexName: 'gsi1', ExpressionAttributeValues: { ':p': 'list#finding', ':up': '/city/ds/' } };
const AT = { list: LIST, caller: 'u1' };

describe('sealed cursors', () => {
  it('give back the start key they were sealed with, for the same list and caller', () => {
    expect(seal.open(seal.seal(KEY, AT), AT)).toEqual(KEY);
  });

  it('do not depend on the order in which the query was written', () => {
    const reordered = {
      caller: 'u1',
      list: { ExpressionAttributeValues: { ':up': '/city/ds/', ':p': 'list#finding' }, IndexName: 'gsi1' },
    };
    expect(seal.open(seal.seal(KEY, AT), reordered)).toEqual(KEY);
  });

  it.each([
    [
      'another list',
      { ...AT, list: { ...LIST, ExpressionAttributeValues: { ':p': 'list#petition', ':up': '/city/ds/' } } },
    ],
    ['another filter', { ...AT, list: { ...LIST, FilterExpression: '#f_state = :f_state' } }],
    [
      'another jurisdiction',
      { ...AT, list: { ...LIST, ExpressionAttributeValues: { ':p': 'list#finding', ':up': '/city/xs/' } } },
    ],
    ['another caller', { ...AT, caller: 'u2' }],
  ])('are refused for %s', (_, other) => {
    expect(() => seal.open(seal.seal(KEY, AT), other)).toThrow(BadCursor);
  });

  it('are refused when sealed by another deployment', () => {
    expect(() => new CursorSeal(randomBytes(32)).open(seal.seal(KEY, AT), AT)).toThrow(BadCursor);
  });

  it('are refused forged, edited, truncated or in the old unsigned form', () => {
    const good = seal.seal(KEY, AT);
    const [v, payload, mac] = good.split('.') as [string, string, string];
    const edited = Buffer.from(JSON.stringify({ ...KEY, pk: 'finding#01B' })).toString('base64url');
    const flip = (s: string) => `${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
    for (const bad of [
      `${v}.${edited}.${mac}`,
      `${v}.${payload}.${flip(mac)}`,
      good.slice(0, -5),
      `${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}`,
      good.slice(0, good.lastIndexOf('.')),
      `c2.${payload}.${mac}`,
      Buffer.from(JSON.stringify(KEY)).toString('base64url'),
      '',
      '...',
      'A'.repeat(3000),
    ]) {
      expect(() => seal.open(bad, AT), bad).toThrow(BadCursor);
    }
  });
});
