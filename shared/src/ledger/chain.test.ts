import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors/index.js';
import { type LedgerEvent, ledgerEventSchema } from '../schemas/event.js';
import { canonicalJson, sha256Hex } from './canonical.js';
import {
  appendEvent,
  assertChain,
  chainHeads,
  digestOfHeads,
  type EventInput,
  eventHash,
  verifyChain,
} from './chain.js';

const KEY = 'rectification#rect-1';
const input = (n: number, over: Partial<EventInput> = {}): EventInput => ({
  recordKey: KEY,
  actorId: 'officer-1',
  role: 'unit_officer',
  at: `2025-03-0${n}T09:00:00+08:00`,
  action: 'addProgress',
  before: { version: n },
  after: { version: n + 1 },
  reason: null,
  ...over,
});

function build(inputs: EventInput[]): LedgerEvent[] {
  const out: LedgerEvent[] = [];
  for (const i of inputs) out.push(appendEvent(out.at(-1) ?? null, i));
  return out;
}

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
  return undefined;
};

describe('appending events', () => {
  it('starts a chain at seq 1 with an empty prevHash and hashes prevHash + canonical event', () => {
    const e = appendEvent(null, input(1, { before: undefined, reason: undefined }));
    const { hash, ...body } = e;
    expect(body).toEqual({ ...input(1), before: null, reason: null, seq: 1, prevHash: '' });
    expect(hash).toBe(sha256Hex(canonicalJson(body)));
    expect(ledgerEventSchema.safeParse(e).success).toBe(true);
  });

  it('links each next event to the hash of the previous one', () => {
    const [a, b] = build([input(1), input(2, { reason: '补充证据' })]);
    expect(b).toMatchObject({ seq: 2, prevHash: a?.hash, reason: '补充证据' });
    expect(b?.hash).toBe(sha256Hex(`${a?.hash}${canonicalJson({ ...b, hash: undefined })}`));
  });

  it('stores before and after as the JSON the store will hold', () => {
    const e = appendEvent(null, input(1, { after: { at: new Date(0), gone: undefined } }));
    expect(e.after).toEqual({ at: '1970-01-01T00:00:00.000Z' });
    expect(eventHash(JSON.parse(JSON.stringify(e)) as LedgerEvent)).toBe(e.hash);
  });

  it('keeps the instant a migrated event happened beside the instant it was recorded, both hashed', () => {
    const e = appendEvent(null, input(1, { occurredAt: '2024-11-20T00:00:00+08:00' }));
    expect(e).toMatchObject({ at: input(1).at, occurredAt: '2024-11-20T00:00:00+08:00' });
    const { hash, ...body } = e;
    expect(hash).toBe(sha256Hex(canonicalJson(body)));
    expect(verifyChain([{ ...e, occurredAt: '2024-11-21T00:00:00+08:00' }]).ok).toBe(false);
    // A live event carries none, and hashes as every event did before migrations existed.
    const live = appendEvent(null, input(1));
    expect('occurredAt' in live).toBe(false);
    expect(live.hash).toBe(sha256Hex(canonicalJson({ ...live, hash: undefined })));
  });

  it('refuses to continue another record, a bad field or a value JSON cannot hold', () => {
    const [a] = build([input(1)]);
    expect(codeOf(() => appendEvent(a ?? null, input(2, { recordKey: 'rectification#other' })))).toBe(
      'ledger.invalidEvent',
    );
    expect(codeOf(() => appendEvent(null, input(1, { role: 'mayor' as never })))).toBe('ledger.invalidEvent');
    expect(codeOf(() => appendEvent(null, input(1, { at: 'yesterday' })))).toBe('ledger.invalidEvent');
    expect(codeOf(() => appendEvent(null, input(1, { before: { n: 1n } })))).toBe('ledger.invalidEvent');
  });
});

describe('verifying a chain', () => {
  const chain = () => build([input(1), input(2), input(3), input(4)]);

  it('passes an intact chain and returns its head', () => {
    const c = chain();
    expect(verifyChain(c)).toEqual({ ok: true, head: { recordKey: KEY, seq: 4, hash: c[3]?.hash } });
    expect(verifyChain([])).toEqual({ ok: true, head: null });
    expect(assertChain(c)?.seq).toBe(4);
  });

  it('ignores storage attributes that travel with a stored event', () => {
    const stored = chain().map((e) => ({ ...e, pk: `REC#${e.recordKey}`, sk: `EV#${e.seq}` }));
    expect(verifyChain(stored).ok).toBe(true);
  });

  it('names the first broken link: a changed field breaks the hash', () => {
    const c = chain();
    c[1] = { ...(c[1] as LedgerEvent), actorId: 'officer-2' };
    c[2] = { ...(c[2] as LedgerEvent), reason: 'x' };
    expect(verifyChain(c)).toEqual({ ok: false, recordKey: KEY, seq: 2, reason: 'hash' });
    expect(codeOf(() => assertChain(c))).toBe('ledger.brokenChain');
  });

  it('reports a stored value JSON cannot hold as a broken hash, not a crash', () => {
    const c = chain();
    c[0] = { ...(c[0] as LedgerEvent), before: Number.NaN };
    expect(verifyChain(c)).toMatchObject({ ok: false, seq: 1, reason: 'hash' });
  });

  it('names a missing, duplicated or reordered event by the seq expected there', () => {
    const c = chain();
    expect(verifyChain([c[0], c[1], c[3]] as LedgerEvent[])).toMatchObject({
      ok: false,
      seq: 3,
      reason: 'seq',
    });
    expect(verifyChain([c[0], c[0]] as LedgerEvent[])).toMatchObject({ ok: false, seq: 2, reason: 'seq' });
    expect(verifyChain([c[1], c[0]] as LedgerEvent[])).toMatchObject({ ok: false, seq: 1, reason: 'seq' });
  });

  it('names a relinked event by prevHash and a foreign event by recordKey', () => {
    const c = chain();
    const relinked = { ...(c[2] as LedgerEvent), prevHash: c[0]?.hash ?? '' };
    expect(verifyChain([c[0], c[1], relinked] as LedgerEvent[])).toMatchObject({
      seq: 3,
      reason: 'prevHash',
    });
    const foreign = build([input(1, { recordKey: 'petition#p-1' }), input(2, { recordKey: 'petition#p-1' })]);
    expect(verifyChain([c[0], foreign[1], c[2]] as LedgerEvent[])).toEqual({
      ok: false,
      recordKey: KEY,
      seq: 2,
      reason: 'recordKey',
    });
  });

  it('takes the record key from the caller, else from most of the events', () => {
    const c = chain();
    const renamed = [{ ...(c[0] as LedgerEvent), recordKey: 'rectification#rect-X' }, ...c.slice(1)];
    expect(verifyChain(renamed)).toMatchObject({ recordKey: KEY, seq: 1, reason: 'recordKey' });
    expect(verifyChain(c, 'rectification#rect-2')).toMatchObject({
      recordKey: 'rectification#rect-2',
      seq: 1,
    });
  });
});

describe('the digest of chain heads', () => {
  const heads = [
    { recordKey: 'rectification#b', seq: 3, hash: 'b'.repeat(64) },
    { recordKey: 'petition#a', seq: 1, hash: 'a'.repeat(64) },
    { recordKey: 'rectification#a', seq: 7, hash: 'c'.repeat(64) },
  ];

  it('is the SHA-256 of the canonical heads sorted by record key', () => {
    const sorted = [heads[1], heads[2], heads[0]];
    expect(digestOfHeads(heads)).toBe(sha256Hex(canonicalJson(sorted)));
    expect(digestOfHeads([])).toBe(sha256Hex('[]'));
  });

  it('does not depend on input order or on other members of the heads', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(heads, { minLength: 3 }), (shuffled) => {
        expect(digestOfHeads(shuffled)).toBe(digestOfHeads(heads));
      }),
    );
    const events = heads.map((h) => ({ ...h, actorId: 'x', prevHash: '' }));
    expect(digestOfHeads(events)).toBe(digestOfHeads(heads));
  });

  it('changes when any head moves on', () => {
    expect(
      digestOfHeads([{ ...heads[0], seq: 4 } as (typeof heads)[0], heads[1], heads[2]] as typeof heads),
    ).not.toBe(digestOfHeads(heads));
  });

  it('takes the last event of each record as its head', () => {
    const a = build([input(1), input(2), input(3)]);
    const b = build([input(1, { recordKey: 'petition#p-1' })]);
    const heads2 = chainHeads([...b, a[2], a[0], a[1]] as LedgerEvent[]);
    expect(heads2).toEqual([
      { recordKey: 'petition#p-1', seq: 1, hash: b[0]?.hash },
      { recordKey: KEY, seq: 3, hash: a[2]?.hash },
    ]);
    expect(digestOfHeads(heads2)).toBe(digestOfHeads([...heads2].reverse()));
  });

  it('refuses two heads for one record', () => {
    expect(codeOf(() => digestOfHeads([...heads, { ...(heads[0] as (typeof heads)[0]), seq: 4 }]))).toBe(
      'ledger.invalidEvent',
    );
  });
});
