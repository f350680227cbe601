/** Organisation workbooks built in tests (单位 and 人员任职 sheets), and their upload. */
import ExcelJS from 'exceljs';
import { assertContract } from '../testing/contract.js';
import { apiContract, type Harness } from '../testing/harness.js';
import type { Row } from './test-files.js';

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

/** POST an organisation file (multipart, the SPA's way, or raw with a content type); the answer held to the contract. */
export async function uploadOrg(
  h: Harness,
  token: string,
  bytes: Uint8Array,
  opts: { dryRun?: boolean; name?: string; raw?: string } = {},
): Promise<Response> {
  const qs = opts.dryRun === false ? '?dryRun=false' : '';
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  let body: RequestInit['body'];
  if (opts.raw) {
    headers['content-type'] = opts.raw;
    headers['x-file-name'] = encodeURIComponent(opts.name ?? 'org');
    body = Buffer.from(bytes);
  } else {
    const form = new FormData();
    form.append('file', new File([Buffer.from(bytes)], opts.name ?? '东山县组织机构.xlsx'));
    body = form;
  }
  const path = `/api/v1/imports/organisation${qs}`;
  const res = await (h.app.request(path, { method: 'POST', headers, body }) as Promise<Response>);
  await assertContract(apiContract(h.app), 'POST', path, res);
  return res;
}
