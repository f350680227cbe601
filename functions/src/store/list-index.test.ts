import { describe, expect, it } from 'vitest';
import { keys, ROOT_SHARDS, rootShardOf, STATE_SK } from './keys.js';
import { indexAttributes, listSortOfItem, reindexOf, searchTextOf, wakeAttributes } from './list-index.js';

const rect = { id: 'r1', title: '危房改造 ＡＢＣ', description: '台账\n不全' };

describe('the list index attributes of a record', () => {
  it('puts a township record into the sharded whole-deployment list and one list per ancestor level', () => {
    const a = indexAttributes(
      'rectification',
      { id: 'r1', data: rect, listSort: '2025-05-01' },
      '/city/ds/ds-a/',
    );
    expect(a).toEqual({
      unitPath: '/city/ds/ds-a/',
      lsort: '2025-05-01',
      qtext: '危房改造 abc\u001f台账 不全',
      jl1pk: `J1#rectification#${rootShardOf('r1')}`,
      jl1sk: '2025-05-01#r1',
      jl2pk: 'J2#rectification#ds',
      jl2sk: '2025-05-01#r1',
      jl3pk: 'J3#rectification#ds-a',
      jl3sk: '2025-05-01#r1',
    });
  });

  it('stops at level 4 for deeper units, and keeps gsi1 only for the low-volume types', () => {
    const deep = indexAttributes('unit', { id: 'u', data: {}, listSort: 'U' }, '/p/c/x/t/v/g/');
    expect(deep.jl4pk).toBe('J4#unit#t');
    expect(deep.jl5pk).toBeUndefined();
    expect(deep).toMatchObject(keys.listByType('unit', 'U', 'u'));
    const none = indexAttributes('rectification', { id: 'r', data: rect, listSort: 'S' }, '/p/c/');
    expect(none.gsi1pk).toBeUndefined();
  });

  it('lists a record of no unit on the whole-deployment list only, and a record with no sort value on none', () => {
    expect(
      Object.keys(indexAttributes('scheme', { id: 's', data: {}, listSort: 'v1' }, null)).sort(),
    ).toEqual(['gsi1pk', 'gsi1sk', 'jl1pk', 'jl1sk', 'lsort', 'unitPath']);
    expect(indexAttributes('finding', { id: 'f', data: { description: 'x' } }, '/c/')).toEqual({
      unitPath: '/c/',
      qtext: 'x',
    });
  });

  it('spreads ids over every shard, none with more than twice its share', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 16_000; i++) {
      const s = rootShardOf(`01J${i.toString(36).padStart(23, '0')}`);
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    expect(counts.size).toBe(ROOT_SHARDS);
    for (const n of counts.values()) expect(n).toBeLessThan(2_000);
  });

  it('searches only the fields of searchable types', () => {
    expect(searchTextOf('signal', { title: 'Ｔｉｔｌｅ', excerpt: '摘要', platform: 'weibo' })).toBe(
      'title\u001f摘要',
    );
    expect(searchTextOf('unit', { name: '示范市' })).toBeUndefined();
  });

  it('re-indexes an item written under the old type-wide keys, and leaves a current one alone', () => {
    const current = {
      pk: 'finding#f1',
      sk: 'A',
      type: 'finding',
      id: 'f1',
      version: 3,
      data: { description: '台账' },
      ...indexAttributes(
        'finding',
        { id: 'f1', data: { description: '台账' }, listSort: '2025-01-02' },
        '/c/d/',
      ),
    };
    expect(reindexOf(current)).toBeNull();
    const old: Record<string, unknown> = {
      pk: 'finding#f1',
      sk: 'A',
      type: 'finding',
      id: 'f1',
      version: 3,
      unitPath: '/c/d/',
      data: { description: '台账' },
      ...keys.listByType('finding', '2025-01-02', 'f1'),
    };
    expect(listSortOfItem(old)).toBe('2025-01-02');
    const r = reindexOf(old);
    expect(r?.remove.sort()).toEqual(['gsi1pk', 'gsi1sk']);
    expect({ ...old, ...r?.set, gsi1pk: undefined, gsi1sk: undefined }).toEqual({
      ...current,
      gsi1pk: undefined,
      gsi1sk: undefined,
    });
    expect(reindexOf({ pk: 'AGG#2025-Q1', sk: 'ds' })).toBeNull();
  });
});

describe('the due lists (按时限排序)', () => {
  const open = { id: 'r9', state: 'in_progress', deadline: '2025-06-30', title: 't', description: '' };
  it('puts an open rectification on the due lists by its deadline, and a closed one on none', () => {
    const a = indexAttributes('rectification', { id: 'r9', data: open, listSort: 'S' }, '/city/ds/ds-a/');
    expect(a).toMatchObject({
      dsort: '2025-06-30',
      jd1pk: `D1#rectification#${rootShardOf('r9')}`,
      jd1sk: '2025-06-30#r9',
      jd2pk: 'D2#rectification#ds',
      jd3pk: 'D3#rectification#ds-a',
      jd3sk: '2025-06-30#r9',
    });
    const closed = indexAttributes(
      'rectification',
      { id: 'r9', data: { ...open, state: 'closed' }, listSort: 'S' },
      '/city/ds/ds-a/',
    );
    expect(Object.keys(closed).filter((k) => k.startsWith('jd') || k === 'dsort')).toEqual([]);
  });

  it('keys a petition by the clock running now: acceptance while received, handling while accepted', () => {
    const p = { state: 'received', acceptDue: '2025-05-30', handleDue: null };
    const at = (data: object) => indexAttributes('petition', { id: 'p1', data, listSort: 'S' }, '/c/').dsort;
    expect(at(p)).toBe('2025-05-30');
    expect(at({ ...p, state: 'accepted', handleDue: '2025-07-29' })).toBe('2025-07-29');
    expect(at({ ...p, state: 'not_accepted' })).toBeUndefined();
  });

  it('gives an item written before the due lists its keys on re-index, and takes them off a closed one', () => {
    const item = {
      pk: keys.recordKey('rectification', 'r9'),
      sk: STATE_SK,
      type: 'rectification',
      id: 'r9',
      data: open,
      unitPath: '/city/ds/',
      ...indexAttributes('rectification', { id: 'r9', data: {}, listSort: 'S' }, '/city/ds/'),
    };
    expect(reindexOf(item)?.set).toMatchObject({ dsort: '2025-06-30', jd2pk: 'D2#rectification#ds' });
    const closed = {
      ...item,
      ...indexAttributes('rectification', { id: 'r9', data: open, listSort: 'S' }, '/city/ds/'),
      data: { ...open, state: 'closed' },
    };
    expect(reindexOf(closed)?.remove.sort()).toEqual(['dsort', 'jd1pk', 'jd1sk', 'jd2pk', 'jd2sk']);
  });
});

describe('the sweeps’ wake list', () => {
  const open = { id: 'r7', state: 'assigned', deadline: '2025-06-30', title: 't', description: '' };
  const base = {
    pk: keys.recordKey('rectification', 'r7'),
    sk: STATE_SK,
    type: 'rectification',
    id: 'r7',
    unitPath: '/city/ds/',
    ...indexAttributes('rectification', { id: 'r7', data: open, listSort: 'S' }, '/city/ds/'),
  };

  it('puts an open matter on it at the write’s instant, sharded by id; nothing closed or decided', () => {
    const ms = Date.parse('2025-05-15T02:00:00Z');
    expect(wakeAttributes('rectification', 'r7', open, ms)).toEqual({
      jwpk: `W#rectification#${rootShardOf('r7')}`,
      jwsk: `00${ms}#r7`,
    });
    expect(wakeAttributes('rectification', 'r7', { ...open, state: 'closed' }, ms)).toEqual({});
    expect(wakeAttributes('petition', 'p1', { state: 'accepted' }, ms)).toHaveProperty('jwpk');
    expect(wakeAttributes('petition', 'p1', { state: 'handled' }, ms)).toEqual({});
    expect(wakeAttributes('finding', 'f1', { state: 'open' }, ms)).toEqual({});
    // Due "by now" includes every entry keyed at now, whatever its id.
    expect(`00${ms}#zzzz` <= keys.wakeUpTo(ms)).toBe(true);
    expect(`00${ms + 1}#a` <= keys.wakeUpTo(ms)).toBe(false);
  });

  it('on re-index: an open matter without an entry goes on due at once; a keyed one keeps its instant; a closed one leaves', () => {
    expect(reindexOf({ ...base, data: open })?.set).toEqual(keys.wake('rectification', 'r7', 0));
    const keyed = { ...base, data: open, ...keys.wake('rectification', 'r7', 1_750_000_000_000) };
    expect(reindexOf(keyed)).toBeNull();
    expect(reindexOf({ ...keyed, data: { ...open, state: 'closed' } })?.remove).toEqual(
      expect.arrayContaining(['jwpk', 'jwsk']),
    );
  });

  it('takes a rectification, an alert or a case off the type-wide state partition it was on before, and leaves other gsi2 entries', () => {
    const old = { ...base, data: open, gsi2pk: 'S#rectification#open', gsi2sk: '2025-06-30#r7' };
    expect(reindexOf(old)?.remove).toEqual(expect.arrayContaining(['gsi2pk', 'gsi2sk']));
    const alert = {
      pk: keys.recordKey('alert', 'a1'),
      sk: STATE_SK,
      type: 'alert',
      id: 'a1',
      unitPath: '/city/ds/',
      data: { state: 'open' },
      gsi2pk: 'S#alert#open',
      gsi2sk: '2025-06-30T00:00:00+08:00#a1',
    };
    expect(reindexOf(alert)?.remove).toEqual(['gsi2pk', 'gsi2sk']);
    const triage = {
      ...alert,
      type: 'signal',
      pk: keys.recordKey('signal', 'a1'),
      gsi2pk: 'S#signal#triage',
    };
    // A signal in triage moves from the one triage partition to its shard, its sort key kept.
    expect(reindexOf(triage)?.remove ?? []).not.toContain('gsi2pk');
    expect(reindexOf(triage)?.set.gsi2pk).toBe(`S#signal#triage#${rootShardOf('a1')}`);
    expect(reindexOf({ ...triage, gsi2pk: `S#signal#triage#${rootShardOf('a1')}` })?.set).not.toHaveProperty(
      'gsi2pk',
    );
  });
});
