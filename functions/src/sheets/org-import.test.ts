import type { OrgImportReport, OrgReportRow } from '@jiandu/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.js';
import { storedAndRebuilt } from '../testing/stored.js';
import { importOrg } from './org-import.js';
import { orgWorkbook, uploadOrg } from './org-test-files.js';
import type { Row } from './test-files.js';

let h: Harness;
let admin: string;
beforeAll(async () => {
  h = await startHarness();
  admin = await h.token('admin');
});
afterAll(() => h.close());

/** Units in no helpful order: children before parents, a cycle, and one row for each problem. */
const UNITS: Row[] = [
  ['东山县', '县(市、区)', '示范市', 'DS', null, null],
  ['松林村', '村', '新华镇', null, '松林、松林村委会', null],
  ['新华镇', '镇', '东山县', 'DS-XH', null, '2001-05-01'],
  ['青松镇', '乡镇', '东山县', 'DS-A', null, null],
  ['白石乡', '乡镇', '东山县', 'DS-B-OLD', null, null],
  ['甲村', '村', '乙村', null, null, null],
  ['乙村', '村', '甲村', null, null, null],
  ['丙村', '村', '甲村', null, null, null],
  ['无名村', '村', '不存在镇', null, null, null],
  ['外县村', '村', '龙门镇', null, null, null],
  ['农民合作社', '合作社', '东山县', null, null, null],
  ['红岭镇', '镇', '东山县', null, null, null],
  ['红岭镇', '镇', '东山县', null, null, null],
  ['未来镇', '镇', '东山县', null, null, '2099-01-01'],
];

const TENURES: Row[] = [
  ['张三', null, '新华镇', '党委书记', null, '2016-01-01', '2019-03-01'],
  ['李四', null, '新华镇', '党委书记', null, '2019-03-01', null],
  ['王五', null, '新华镇', '镇长', null, '2016-01-01', null],
  ['孙七', null, '青松镇', '镇长', null, '2017-01-01', null],
  ['周八', null, '青松镇', '镇长', null, '2018-01-01', null],
  ['吴九', null, '新华镇', '副镇长', '分管负责人', '2019-01-01', '2018-01-01'],
  ['郑十', null, '新华镇', '科员', null, '2019-01-01', null],
  ['钱一', null, '新华镇', '副镇长', null, '2099-01-01', null],
  ['冯二', null, '新华镇', '副镇长', null, '2000-01-01', null],
  ['陈三', null, '不存在镇', '镇长', null, '2019-01-01', null],
  ['褚四', null, '甲村', '村支部书记', null, '2019-01-01', null],
  ['卫五', null, '龙门镇', '镇长', null, '2019-01-01', null],
  ['张三', null, '新华镇', '党委书记', null, '2016-01-01', '2019-03-01'],
];

const report = async (res: Response) => {
  expect(res.status).toBe(200);
  return (await res.json()) as OrgImportReport;
};
/** Each row as [what it names, its status, its problems as field:code]. */
const outline = (r: OrgImportReport, sheet: OrgReportRow['sheet']) =>
  r.rows
    .filter((x) => x.sheet === sheet)
    .map((x) => [x.label, x.status, x.problems.map((p) => `${p.field}:${p.code}`).join(' ')]);

const units = async () => {
  const res = await h.call('GET', '/api/v1/units', { token: admin });
  return (
    (await res.json()) as { items: { id: string; name: string; parentId: string; aliases: string[] }[] }
  ).items;
};
const tenuresOf = async (unitId: string) => {
  const res = await h.call('GET', `/api/v1/units/${unitId}/tenures`, { token: admin });
  return (
    (await res.json()) as { items: { personId: string; post: string; title?: string; to: string | null }[] }
  ).items;
};

describe('importing a county’s organisation (单位, 人员任职)', () => {
  it('dry-runs the workbook: every kind of problem named row by row, parents found in any order, nothing written', async () => {
    const before = await units();
    const r = await report(await uploadOrg(h, admin, await orgWorkbook({ units: UNITS, tenures: TENURES })));
    expect(r.dryRun).toBe(true);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.sheets.units).toMatchObject({ sheet: '单位', headerRow: 1 });
    expect(r.sheets.tenures).toMatchObject({ sheet: '人员任职', headerRow: 1 });
    expect(outline(r, 'units')).toEqual([
      ['东山县', 'existing', ''],
      ['松林村', 'new', ''],
      ['新华镇', 'new', ''],
      ['青松镇', 'existing', ''],
      ['白石乡', 'conflict', 'code:unit.codeDiffers'],
      ['甲村', 'problem', 'parent:unit.cycle'],
      ['乙村', 'problem', 'parent:unit.cycle'],
      ['丙村', 'problem', 'parent:parent.refused'],
      ['无名村', 'problem', 'parent:parent.unknown'],
      ['外县村', 'problem', 'parent:parent.outsideJurisdiction'],
      ['农民合作社', 'problem', 'kind:kind.unknown'],
      ['红岭镇', 'existing', ''],
      ['红岭镇', 'problem', 'name:unit.duplicate'],
      ['未来镇', 'problem', 'establishedOn:instant.future'],
    ]);
    expect(outline(r, 'tenures')).toEqual([
      ['张三', 'new', ''],
      // The handover day (张三 leaves the day 李四 arrives) is no overlap; a 镇长 beside a 党委书记 is the rule.
      ['李四', 'new', ''],
      ['王五', 'new', ''],
      ['孙七', 'new', 'from:tenure.principalOverlap'],
      ['周八', 'new', 'from:tenure.principalOverlap'],
      ['吴九', 'problem', 'to:tenure.datesReversed'],
      ['郑十', 'problem', 'title:post.unknown'],
      ['钱一', 'problem', 'from:instant.future'],
      ['冯二', 'problem', 'from:instant.beforeUnit'],
      ['陈三', 'problem', 'unit:unit.unknown'],
      ['褚四', 'problem', 'unit:unit.refused'],
      ['卫五', 'problem', 'unit:unit.outsideJurisdiction'],
      ['张三', 'problem', 'from:tenure.duplicate'],
    ]);
    expect(r.rows.find((x) => x.label === '孙七')?.problems[0]?.severity).toBe('warning');
    expect(r.counts.units).toEqual({
      rows: 14,
      refused: 8,
      conflicts: 1,
      new: 2,
      created: 0,
      existing: 3,
      warnings: 0,
    });
    expect(r.counts.tenures).toMatchObject({ rows: 13, refused: 8, new: 5, warnings: 2 });
    expect(await units()).toEqual(before);
  });

  it('commits once: units parents first with their aliases, tenures with their titles, logged; a second commit changes nothing', async () => {
    const file = await orgWorkbook({ units: UNITS, tenures: TENURES });
    const before = (await units()).length;
    const first = await report(await uploadOrg(h, admin, file, { dryRun: false }));
    expect(first.counts.units).toMatchObject({ created: 2, existing: 3, conflicts: 1, refused: 8 });
    expect(first.counts.tenures).toMatchObject({ created: 5, existing: 0, refused: 8 });
    const after = await units();
    expect(after.length).toBe(before + 2);
    const xinhua = after.find((u) => u.name === '新华镇')!;
    const songlin = after.find((u) => u.name === '松林村')!;
    expect(xinhua.parentId).toBe('ds');
    expect(songlin).toMatchObject({ parentId: xinhua.id, aliases: ['松林', '松林村委会'] });
    // The conflicting code was not written over.
    expect(after.find((u) => u.id === 'ds-b')).toMatchObject({ code: 'DS-B' });
    const posts = await tenuresOf(xinhua.id);
    expect(posts.map((t) => [t.post, t.title, t.to]).sort()).toEqual([
      ['principal', '党委书记', null],
      ['principal', '党委书记', '2019-03-01'],
      ['principal', '镇长', null],
    ]);

    const again = await report(await uploadOrg(h, admin, file, { dryRun: false }));
    expect(again.counts.units).toMatchObject({ created: 0, new: 0, existing: 5, conflicts: 1 });
    expect(again.counts.tenures).toMatchObject({ created: 0, new: 0, existing: 5 });
    expect(
      again.rows.filter((x) => x.status === 'existing' && x.sheet === 'tenures').map((x) => x.tenureId),
    ).toEqual(
      first.rows.filter((x) => x.status === 'created' && x.sheet === 'tenures').map((x) => x.tenureId),
    );
    expect((await units()).length).toBe(before + 2);
    expect(await tenuresOf(xinhua.id)).toHaveLength(3);
    const { stored, rebuilt } = await storedAndRebuilt(h.deps);
    expect(stored).toEqual(rebuilt);

    const log = await h.call('GET', '/api/v1/operation-log?action=import&target=organisation', {
      token: await h.token('audit_admin'),
    });
    const entries = (
      (await log.json()) as { items: { rows: number; outcome: string; filter: Record<string, string> }[] }
    ).items;
    expect(entries.map((e) => [e.rows, e.outcome, e.filter.sha256])).toEqual([
      [0, 'complete', first.sha256],
      [7, 'complete', first.sha256],
    ]);
    expect(entries[0]!.filter.fileName).toBe('东山县组织机构.xlsx');

    // 迁移记录: each commit is a run, newest first, with what it did.
    const runs = await h.call('GET', '/api/v1/migrations?kind=organisation', { token: admin });
    const items = ((await runs.json()) as { items: { rows: object; created: object; sha256: string }[] })
      .items;
    expect(items.map((r) => [r.rows, r.created])).toEqual([
      [
        { in: 14 + 13, refused: 1 + 8 + 8, created: 0, updated: 0, unchanged: 5 + 5 },
        { unit: 0, tenure: 0 },
      ],
      [
        { in: 14 + 13, refused: 1 + 8 + 8, created: 7, updated: 0, unchanged: 3 },
        { unit: 2, tenure: 5 },
      ],
    ]);
    expect(items[1]!.sha256).toBe(first.sha256);
  });

  it('reports a unit whose name, parent or kind differs from the system, and a post whose end differs, as conflicts, and overwrites nothing', async () => {
    const r = await report(
      await uploadOrg(
        h,
        admin,
        await orgWorkbook({
          units: [
            ['青松镇（新）', '乡镇', '东山县', 'DS-A', null, null],
            ['柳溪村', '村', '白石乡', 'DS-A-1', null, null],
            ['红岭镇', '村', '东山县', null, null, null],
          ],
          tenures: [['张三', null, '新华镇', '党委书记', null, '2016-01-01', '2019-04-01']],
        }),
        { dryRun: false },
      ),
    );
    expect(outline(r, 'units')).toEqual([
      ['青松镇（新）', 'conflict', 'name:unit.nameDiffers'],
      ['柳溪村', 'conflict', 'parent:unit.parentDiffers'],
      ['红岭镇', 'conflict', 'kind:unit.kindDiffers'],
    ]);
    expect(outline(r, 'tenures')).toEqual([['张三', 'conflict', 'to:tenure.toDiffers']]);
    const now = await units();
    expect(now.find((u) => u.id === 'ds-a')?.name).toBe('青松镇');
    expect(now.find((u) => u.id === 'ds-a-1')?.parentId).toBe('ds-a');
    const xinhua = now.find((u) => u.name === '新华镇')!;
    expect((await tenuresOf(xinhua.id)).map((t) => t.to).sort()).toEqual(['2019-03-01', null, null].sort());
  });

  it('tells people apart: the same name is one person in one unit’s history, two in two units, one anywhere with the same key', async () => {
    const tenures: Row[] = [
      ['林一', null, '白石乡', '副乡长', null, '2015-01-01', '2018-12-31'],
      ['林一', null, '白石乡', '乡长', null, '2019-01-01', null],
      ['林一', null, '红岭镇', '镇长', null, '2019-01-01', null],
      ['何二', '1234', '白石乡', '党委书记', null, '2015-01-01', '2018-12-31'],
      ['何二', '1234', '东山县扶贫办', '主任', null, '2019-01-01', null],
      ['何二', '5678', '红岭镇', '党委书记', null, '2019-01-01', null],
    ];
    const r = await report(
      await uploadOrg(h, admin, await orgWorkbook({ tenures }), { name: '任职.xlsx', dryRun: false }),
    );
    expect(r.sheets.units).toBeNull();
    expect(r.counts.tenures).toMatchObject({ rows: 6, created: 6 });
    const person = r.rows.map((x) => x.personId);
    expect(person[0]).toBe(person[1]);
    expect(person[2]).not.toBe(person[0]);
    expect(person[3]).toBe(person[4]);
    expect(person[5]).not.toBe(person[3]);
    const bs = await tenuresOf('ds-b');
    expect(bs.filter((t) => t.post === 'deputy_in_charge').map((t) => t.title)).toEqual(['副乡长']);
  });

  it('finds the units of an earlier import when the whole workbook comes later, and writes only the rest', async () => {
    const unitsOnly = await orgWorkbook({ units: [['长岭镇', '镇', '东山县', 'DS-CL', null, null]] });
    const first = await report(await uploadOrg(h, admin, unitsOnly, { dryRun: false }));
    expect(first.counts.units).toMatchObject({ created: 1 });
    const whole = await orgWorkbook({
      units: [
        ['长岭坡村', '村', '长岭镇', null, null, null],
        ['长岭镇', '镇', '东山县', 'DS-CL', null, null],
      ],
      tenures: [['马六', null, '长岭坡村', '村党支部书记', null, '2020-01-01', null]],
    });
    const rest = await report(await uploadOrg(h, admin, whole, { dryRun: false }));
    expect(outline(rest, 'units')).toEqual([
      ['长岭坡村', 'created', ''],
      ['长岭镇', 'existing', ''],
    ]);
    expect(outline(rest, 'tenures')).toEqual([['马六', 'created', '']]);
    expect(rest.rows[2]!.unitId).toBe(rest.rows[0]!.unitId);
  });

  it('leaves what a failed commit wrote consistent, logs it as failed, and a re-run writes the rest', async () => {
    const file = await orgWorkbook({
      units: [
        ['石门村', '村', '石门镇', null, null, null],
        ['石门镇', '镇', '东山县', 'DS-SM', null, null],
      ],
      tenures: [
        ['石一', null, '石门镇', '镇长', null, '2020-01-01', null],
        ['石二', null, '石门村', '村党支部书记', null, '2020-01-01', null],
      ],
    });
    const p = await h.deps.verify(admin);
    // The store fails at the second transaction: the units are in, the first tenure is not.
    const doc = h.deps.doc;
    let transactions = 0;
    h.deps.doc = new Proxy(doc, {
      get(target, prop, receiver) {
        if (prop !== 'send') return Reflect.get(target, prop, receiver);
        return (cmd: { constructor: { name: string } }) => {
          if (cmd.constructor.name === 'TransactWriteCommand' && ++transactions === 2)
            return Promise.reject(new Error('store down'));
          return (target.send as (c: unknown) => Promise<unknown>)(cmd);
        };
      },
    });
    try {
      await expect(importOrg(h.deps, p, { bytes: file, fileName: '石门.xlsx' }, false)).rejects.toThrow(
        'store down',
      );
    } finally {
      h.deps.doc = doc;
    }
    const written = await units();
    const shimen = written.find((u) => u.name === '石门镇')!;
    expect(written.find((u) => u.name === '石门村')?.parentId).toBe(shimen.id);
    expect(await tenuresOf(shimen.id)).toEqual([]);

    const rerun = await report(await uploadOrg(h, admin, file, { name: '石门.xlsx', dryRun: false }));
    expect(rerun.counts.units).toMatchObject({ existing: 2, created: 0 });
    expect(rerun.counts.tenures).toMatchObject({ created: 2 });
    const { stored, rebuilt } = await storedAndRebuilt(h.deps);
    expect(stored).toEqual(rebuilt);
    const log = await h.call('GET', '/api/v1/operation-log?action=import&target=organisation', {
      token: await h.token('audit_admin'),
    });
    const entries = (
      (await log.json()) as { items: { rows: number; outcome: string; filter: Record<string, string> }[] }
    ).items.filter((e) => e.filter.fileName === '石门.xlsx');
    expect(entries.map((e) => [e.outcome, e.rows])).toEqual([
      ['complete', 2],
      ['failed', 2],
    ]);
  });
});
