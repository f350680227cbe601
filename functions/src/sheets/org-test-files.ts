/** Organisation workbooks built in tests (单位 and 人员任职 sheets), and their upload. */
import ExcelJS from 'exceljs';
import type { Harness } from '../testing/harness.js';
import { type Row, type UploadOptions, uploadFile } from './test-files.js';

export const UNIT_COLUMNS = ['单位名称', '单位类型', '上级单位', '单位编码', '简称/曾用名', '成立日期'];
export const TENURE_COLUMNS = ['姓名', '身份证号后四位', '单位', '职务', '职务类别', '任职开始', '任职结束'];

export async function orgWorkbook(sheets: {
  units?: Row[];
  tenures?: Row[];
  unitColumns?: string[];
  tenureColumns?: string[];
  title?: string;
}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  // 人员任职 first: the sheets are told by their headers, not their order or names.
  if (sheets.tenures) {
    const ws = wb.addWorksheet('人员任职');
    ws.addRow(sheets.tenureColumns ?? TENURE_COLUMNS);
    for (const r of sheets.tenures) ws.addRow(r);
  }
  if (sheets.units) {
    const ws = wb.addWorksheet('单位');
    if (sheets.title) ws.addRow([sheets.title]);
    ws.addRow(sheets.unitColumns ?? UNIT_COLUMNS);
    for (const r of sheets.units) ws.addRow(r);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** An organisation file to the organisation import (multipart, or raw with a content type). */
export const uploadOrg = (h: Harness, token: string, bytes: Uint8Array, opts: UploadOptions = {}) =>
  uploadFile(h, '/api/v1/imports/organisation', token, bytes, {
    defaultName: opts.raw ? 'org' : '东山县组织机构.xlsx',
    ...opts,
  });
