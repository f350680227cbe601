import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fundEntryInputSchema } from '../funds/ledger.js';
import { rectificationActionSchema } from '../rectification/actions.js';
import { findingInputSchema } from './finding.js';
import { unitSchema } from './org.js';
import { petitionInputSchema } from './petition.js';
import { rectificationInputSchema } from './rectification.js';
import { signalInputSchema } from './signal.js';
import { isPlainText, longText, noteText, plainText, shortText } from './text.js';

/** Every character the text schemas refuse. */
const UNSAFE = [
  ...Array.from({ length: 0x20 }, (_, i) => i).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
].map((c) => String.fromCodePoint(c));

const unsafeChar = fc.constantFrom(...UNSAFE);
/** Text people write: CJK, Latin, digits, punctuation, emoji, tab and line ends (CRLF pasted from Windows). */
const safeText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '扶',
        '贫',
        '整',
        '改',
        '台',
        '账',
        'a',
        'Z',
        '0',
        '9',
        ' ',
        '，',
        '。',
        '（',
        '）',
        '😀',
      ),
      fc.constantFrom('\t', '\n', '\r\n', '\u200e', '\u3000', '-', '=', '@', '+'),
    ),
    { minLength: 1, maxLength: 60 },
  )
  .map((xs) => `字${xs.join('')}`);
/** A safe text with one refused character put anywhere in it. */
const poisoned = fc
  .tuple(safeText, unsafeChar, fc.nat())
  .map(([s, c, at]) => `${s.slice(0, at % (s.length + 1))}${c}${s.slice(at % (s.length + 1))}`);

const finding = (description: string) => ({
  unitId: 'ds-a',
  category: 'formalism',
  severity: 'serious',
  source: 'inspection',
  description,
  discoveredOn: '2025-05-10',
});

/** A free-text field of a record or an action, with a valid body around it. */
const FIELDS: [
  string,
  (s: string) => { success: boolean; error?: { issues: { path: PropertyKey[] }[] } },
  string,
][] = [
  ['finding description', (s) => findingInputSchema.safeParse(finding(s)), 'description'],
  [
    'petition matter',
    (s) =>
      petitionInputSchema.safeParse({
        petitioner: { name: '张三' },
        channel: 'letter',
        levelReceived: 'county',
        unitId: 'ds-a',
        category: 'formalism',
        matter: s,
        receivedAt: '2025-05-10T09:00:00+08:00',
      }),
    'matter',
  ],
  [
    'petitioner name',
    (s) =>
      petitionInputSchema.safeParse({
        petitioner: { name: s.slice(0, 50) },
        channel: 'letter',
        levelReceived: 'county',
        unitId: 'ds-a',
        category: 'formalism',
        matter: '事项',
        receivedAt: '2025-05-10T09:00:00+08:00',
      }),
    'petitioner/name',
  ],
  [
    'rectification title',
    (s) =>
      rectificationInputSchema.safeParse({
        source: { kind: 'finding', id: null },
        unitId: 'ds-a',
        title: s,
        deadline: '2025-06-30',
      }),
    'title',
  ],
  [
    'signal excerpt',
    (s) =>
      signalInputSchema.safeParse({
        platform: '微博',
        url: 'https://example.invalid/a',
        title: '标题',
        excerpt: s,
        publishedAt: '2025-05-10T09:00:00+08:00',
        polarity: 'negative',
        severity: 'ordinary',
      }),
    'excerpt',
  ],
  [
    'unit alias',
    (s) =>
      unitSchema.safeParse({
        id: 'u',
        name: '单位',
        kind: 'township',
        parentId: null,
        code: 'U',
        aliases: [s.slice(0, 100)],
      }),
    'aliases/0',
  ],
  ['progress text', (s) => rectificationActionSchema.safeParse({ type: 'addProgress', text: s }), 'text'],
  ['rejection reason', (s) => rectificationActionSchema.safeParse({ type: 'reject', reason: s }), 'reason'],
  [
    'fund entry note',
    (s) =>
      fundEntryInputSchema.safeParse({
        projectId: 'p1',
        kind: 'allocation',
        amountFen: 100,
        date: '2025-05-10',
        note: s.slice(0, 500),
      }),
    'note',
  ],
];

describe('free text', () => {
  it('accepts what people write: any script, emoji, tabs and line ends (LF and CRLF)', () => {
    fc.assert(
      fc.property(safeText, (s) => {
        expect(isPlainText(s)).toBe(true);
        for (const schema of [plainText(), shortText(1000), longText(4000), noteText(4000)])
          expect(schema.safeParse(s).success).toBe(true);
      }),
    );
  });

  it('refuses a control character or a bidi override anywhere, in every kind of text field', () => {
    fc.assert(
      fc.property(poisoned, (s) => {
        expect(isPlainText(s)).toBe(false);
        for (const schema of [plainText(), shortText(1000), longText(4000), noteText(4000)])
          expect(schema.safeParse(s).success).toBe(false);
      }),
    );
  });

  it.each(FIELDS)(
    'of a %s refuses them naming the field, and takes the same text without them',
    (_, parse, field) => {
      fc.assert(
        fc.property(poisoned, (s) => {
          const r = parse(s);
          expect(r.success).toBe(false);
          expect(r.error?.issues.map((i) => i.path.map(String).join('/'))).toContain(field);
          expect(
            parse(s.replace(/[^\t\n\r\u0020-\u007e\u00a0-\u2029\u202f-\u2065\u206a-\uffff]/gu, '')).success,
          ).toBe(true);
        }),
        { numRuns: 50 },
      );
    },
  );

  it('refuses each of the refused characters on its own (NUL, ESC, U+202E, U+2066 …)', () => {
    for (const c of UNSAFE)
      expect(shortText().safeParse(`a${c}b`).success, `U+${c.codePointAt(0)?.toString(16)}`).toBe(false);
  });
});
