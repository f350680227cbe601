/** Property tests of the hash chain: what it builds verifies, and any one-character change is caught. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { role } from '../schemas/enums.js';
import { type LedgerEvent, ledgerEventSchema } from '../schemas/event.js';
import { appendEvent, type EventInput, verifyChain } from './chain.js';

function build(inputs: EventInput[]): LedgerEvent[] {
  const out: LedgerEvent[] = [];
  for (const i of inputs) out.push(appendEvent(out.at(-1) ?? null, i));
  return out;
}

/** Positions of `json` whose character can change alone: inside a string (not an escape) or a digit. */
function flippable(json: string): number[] {
  const out: number[] = [];
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i] ?? '';
    const unit = json.charCodeAt(i);
    if (!inString) {
      if (c === '"') inString = true;
      else if (c >= '0' && c <= '9') out.push(i);
    } else if (c === '\\') i += json[i + 1] === 'u' ? 5 : 1;
    else if (c === '"') inString = false;
    else if (unit < 0xd800 || unit > 0xdfff) out.push(i);
  }
  return out;
}

function flip(json: string, i: number): string {
  const c = json[i] ?? '';
  const to = c >= '0' && c <= '9' ? (c === '1' ? '2' : '1') : c === 'x' ? 'y' : 'x';
  return json.slice(0, i) + to + json.slice(i + 1);
}

const FIELDS = [
  'recordKey',
  'seq',
  'actorId',
  'role',
  'at',
  'action',
  'before',
  'after',
  'reason',
  'prevHash',
  'hash',
] as const;

const eventInput = fc.record({
  actorId: fc.constantFrom('officer-1', 'rev-a', 'sup-1', 'system'),
  role: fc.constantFrom(...role.codes, 'system' as const),
  at: fc
    .integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') })
    .map((ms) => new Date(ms).toISOString()),
  action: fc.constantFrom('create', 'start', 'submit', 'approve', 'reject', '导入'),
  before: fc.option(fc.jsonValue({ maxDepth: 3 })),
  after: fc.option(fc.jsonValue({ maxDepth: 3 })),
  reason: fc.option(fc.string({ maxLength: 40 })),
});
const chainArb = fc
  .tuple(
    fc.constantFrom('rectification#r1', 'petition#p-9', 'fund#东山-3'),
    fc.array(eventInput, { minLength: 1, maxLength: 6 }),
  )
  .map(([recordKey, inputs]) => build(inputs.map((i) => ({ ...i, recordKey }))));

describe('chain properties', () => {
  it('verifies any chain it built, with the last event as head', () => {
    fc.assert(
      fc.property(chainArb, (c) => {
        const last = c.at(-1) as LedgerEvent;
        expect(verifyChain(c)).toEqual({
          ok: true,
          head: { recordKey: last.recordKey, seq: c.length, hash: last.hash },
        });
        for (const e of c) expect(ledgerEventSchema.safeParse(e).success).toBe(true);
      }),
    );
  });

  it('fails on any single changed character of any field of any event, naming the record and that seq', () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), fc.constantFrom(...FIELDS), fc.nat(), (c, n, field, p) => {
        const i = n % c.length;
        const e = c[i] as LedgerEvent;
        const text = JSON.stringify(e[field]);
        const spots = flippable(text);
        fc.pre(spots.length > 0);
        const value = JSON.parse(flip(text, spots[p % spots.length] ?? 0)) as unknown;
        // A digit past a double's precision can parse back to the same number: that is no change at all.
        fc.pre(JSON.stringify(value) !== text);
        const tampered = [...c];
        tampered[i] = { ...e, [field]: value };
        const expected = { ok: false, recordKey: e.recordKey, seq: i + 1 };
        expect(verifyChain(tampered, e.recordKey)).toMatchObject(expected);
        if (field !== 'recordKey' || c.length >= 3) expect(verifyChain(tampered)).toMatchObject(expected);
      }),
      { numRuns: 500 },
    );
  });
});
