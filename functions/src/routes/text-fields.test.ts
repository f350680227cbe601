/**
 * Issue 12, finding 6 (text): NUL, ESC and bidi overrides are refused in every free-text field, with a
 * 400 naming the field — in a body, in a batch item and in a spreadsheet import — and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../sheets/ledger-import.js';
import { csvText, upload, xlsxOf } from '../sheets/test-files.js';
import { type Harness, startHarness } from '../testing/harness.js';

let h: Harness;
let inspector: string;
beforeAll(async () => {
  h = await startHarness();
  inspector = await h.token('inspector');
});
afterAll(() => h.close());

const finding = (over: Record<string, unknown> = {}) => ({
  unitId: 'ds-a',
  category: 'formalism',
  severity: 'serious',
  source: 'inspection',
  description: '扶贫台账填报流于形式',
  discoveredOn: '2025-05-10',
  ...over,
});

const findingCount = async () => {
  const res = await h.call('GET', '/api/v1/findings?limit=500', { token: inspector });
  return ((await res.json()) as { items: unknown[] }).items.length;
};

const BAD = [
  ['NUL', 'a\u0000b'],
  ['ESC', '\u001b[31m红色\u001b[0m'],
  ['RLO (U+202E)', '发票\u202Egpj.exe'],
  ['RLI (U+2067)', '\u2067abc\u2069'],
  ['backspace', '已整改\b\b\b未整改'],
] as const;

describe('free-text fields through the API', () => {
  it.each(BAD)('refuse %s with a 400 naming the field, and store nothing', async (_, text) => {
    const before = await findingCount();
    const res = await h.call('POST', '/api/v1/findings', {
      token: inspector,
      body: finding({ description: text }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { field: string }).field).toBe('description');
    expect(await findingCount()).toBe(before);
  });

  it('refuse them in a batch item by item, naming the field, and take the clean items', async () => {
    const res = await h.call('POST', '/api/v1/findings/batch', {
      token: inspector,
      body: {
        items: [
          finding({ description: '批量里正常的一条', externalId: 'ok-1' }),
          finding({ description: '批量\u202E里的一条', externalId: 'bad-1' }),
          finding({ externalId: 'bad\u0000-2' }),
        ],
      },
    });
    expect(res.status).toBe(200);
    const items = ((await res.json()) as { items: { status: string; field?: string }[] }).items;
    expect(items.map((i) => [i.status, i.field])).toEqual([
      ['accepted', undefined],
      ['rejected', 'description'],
      ['rejected', 'externalId'],
    ]);
  });

  it('refuse them in the text of a workflow action, naming the field', async () => {
    const created = (await (
      await h.call('POST', '/api/v1/findings', {
        token: inspector,
        body: finding({ description: '进展测试' }),
      })
    ).json()) as { rectificationId: string };
    const officer = await h.token('unit_officer', 'ds-a');
    const res = await h.call('POST', `/api/v1/rectifications/${created.rectificationId}/actions`, {
      token: officer,
      body: { expectedVersion: 1, action: { type: 'addProgress', text: '完成\u202E%05' } },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { field: string }).field).toMatch(/text$/);
  });

  it('keep text with tabs, line ends (LF and CRLF), emoji and every script', async () => {
    const text = '第一行\r\n第二行\n\t缩进 😀 ÄÖ Ελληνικά العربية';
    const res = await h.call('POST', '/api/v1/findings', {
      token: inspector,
      body: finding({ description: text }),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { description: string }).description).toBe(text);
  });
});

describe('free-text cells of an imported ledger', () => {
  const row = (description: string, person: string | null = null) => [
    1,
    '审计',
    '挪用',
    description,
    '青松镇',
    person,
    null,
    '2018-06-30',
    null,
    null,
    1,
  ];

  it('are a row problem naming the column (xlsx and csv), and the row is not imported', async () => {
    // XML cannot hold most C0 characters, so an xlsx carries a bidi isolate; the csv carries BEL.
    for (const file of [
      await xlsxOf([row('正常的问题'), row('隐藏\u202E的问题'), row('正常', '王\u2066某')]),
      new Uint8Array(
        Buffer.from(csvText([row('正常的问题'), row('隐藏\u202E的问题'), row('正常', '王\u0007某')])),
      ),
    ]) {
      const res = await upload(h, inspector, file, { name: file[0] === 0x50 ? 'l.xlsx' : 'l.csv' });
      expect(res.status).toBe(200);
      const r = (await res.json()) as ImportReport;
      expect(r.rows.map((x) => [x.status, x.problems.map((p) => `${p.field}:${p.code}`)])).toEqual([
        ['valid', []],
        ['problem', ['description:text.unsafeCharacters']],
        ['problem', ['person:text.unsafeCharacters']],
      ]);
    }
  });

  it('refuse a file name with them, naming the field', async () => {
    const file = await xlsxOf([row('正常的问题')]);
    const res = await upload(h, inspector, file, {
      raw: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      name: '台账\u202Exslx.exe',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { field: string }).field).toBe('x-file-name');
  });
});
