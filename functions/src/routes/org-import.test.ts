import type { Role } from '@jiandu/shared';
import type { OrgImportReport } from '@jiandu/shared/api';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgWorkbook, TENURE_COLUMNS, UNIT_COLUMNS, uploadOrg } from '../sheets/org-test-files.js';
import { type Harness, startHarness } from '../testing/harness.js';

let h: Harness;
let admin: string;
beforeAll(async () => {
  h = await startHarness();
  admin = await h.token('admin');
});
afterAll(() => h.close());

const FILE = () =>
  orgWorkbook({
    title: '东山县组织机构',
    units: [
      ['新华镇', '镇', '东山县', 'DS-XH', null, null],
      ['无名村', '村', '不存在镇', null, null, null],
    ],
    tenures: [
      ['张三', null, '新华镇', '镇长', null, '2019-01-01', null],
      ['李四', null, '新华镇', '副镇长', null, '2099-01-01', null],
    ],
  });

describe('POST /api/v1/imports/organisation', () => {
  it.each<Role>([
    'inspector',
    'supervisor',
    'reviewer',
    'unit_officer',
    'viewer',
    'security_admin',
    'audit_admin',
  ])('is the system administrator’s only: %s gets 403', async (role) => {
    const res = await uploadOrg(h, await h.token(role), await FILE());
    expect(res.status).toBe(403);
  });

  it('answers the administrator with the report, and the workbook back with a 问题说明 column on each sheet', async () => {
    const res = await uploadOrg(h, admin, await FILE());
    expect(res.status).toBe(200);
    const r = (await res.json()) as OrgImportReport;
    expect(r.sheets.units?.headerRow).toBe(2);
    expect(r.rows.map((x) => [x.sheet, x.line, x.status])).toEqual([
      ['units', 3, 'new'],
      ['units', 4, 'problem'],
      ['tenures', 2, 'new'],
      ['tenures', 3, 'problem'],
    ]);
    const file = await h.call('GET', r.annotated, { token: admin });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('-%E9%97%AE%E9%A2%98%E8%AF%B4%E6%98%8E.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await file.arrayBuffer());
    const units = wb.getWorksheet('单位')!;
    const col = UNIT_COLUMNS.length + 1;
    expect(units.getRow(2).getCell(col).value).toBe('问题说明');
    expect(units.getRow(3).getCell(col).value).toBeNull();
    expect(units.getRow(4).getCell(col).value).toBe('上级单位：上级单位不存在（系统和本表中都找不到）');
    const tenures = wb.getWorksheet('人员任职')!;
    expect(tenures.getRow(3).getCell(TENURE_COLUMNS.length + 1).value).toBe('任职开始：日期晚于今天');
    // Someone else's upload is not theirs to read, and the ledger's download is not this one's.
    const other = await h.call('GET', r.annotated, { token: await h.token('admin', 'xs') });
    expect(other.status).toBe(404);
    const inspector = await h.call('GET', r.annotated, { token: await h.token('inspector') });
    expect(inspector.status).toBe(403);
  });

  it('reads a csv of one sheet, sent raw with its name', async () => {
    const csv = [UNIT_COLUMNS.join(','), '东风镇,乡镇,东山县,,,2003/7/1'].join('\r\n');
    const res = await uploadOrg(h, admin, new Uint8Array(Buffer.from(csv, 'utf8')), {
      raw: 'text/csv',
      name: '单位.csv',
    });
    const r = (await res.json()) as OrgImportReport;
    expect(r).toMatchObject({ format: 'csv', fileName: '单位.csv', sheets: { tenures: null } });
    expect(r.counts.units).toMatchObject({ rows: 1, new: 1 });
  });

  it.each([
    ['an empty file', new Uint8Array(), 400, 'request.invalid', 'file'],
    ['a broken xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 400, 'request.invalid', 'file'],
    [
      'an old .xls',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]),
      415,
      'request.unsupportedMediaType',
      'file',
    ],
    // The body cap of every path under /api/v1/imports/ covers this route too.
    ['a file over the size cap', new Uint8Array(5 * 1024 * 1024).fill(0x41), 413, 'request.tooLarge', 'file'],
  ])('refuses %s with problem+json naming the field', async (_, bytes, status, code, field) => {
    const res = await uploadOrg(h, admin, bytes, { raw: 'application/octet-stream' });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status, code, field });
  });

  it('refuses a workbook without the sheets’ headers, and one lacking a column, naming it', async () => {
    const none = await uploadOrg(h, admin, await orgWorkbook({ units: [], unitColumns: ['姓名', '电话'] }));
    expect(await none.json()).toMatchObject({ status: 400, code: 'import.noHeader', field: 'file' });
    const noParent = await uploadOrg(
      h,
      admin,
      await orgWorkbook({ units: [['新华镇', '镇']], unitColumns: ['单位名称', '单位类型'] }),
    );
    expect(await noParent.json()).toMatchObject({
      status: 400,
      code: 'import.missingColumns',
      field: 'parent',
      missing: ['parent'],
    });
    const form = new FormData();
    form.append('other', 'x');
    const res = await h.app.request('/api/v1/imports/organisation', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
      body: form,
    });
    expect(await res.json()).toMatchObject({ status: 400, code: 'request.invalid', field: 'file' });
  });
});
