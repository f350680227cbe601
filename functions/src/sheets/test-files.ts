/** Ledger files built in tests: xlsx written by exceljs, csv encoded as Excel in China saves it. */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Harness } from '../testing/harness.js';

export type Row = (string | number | Date | null)[];

export const HEADERS = [
  '序号',
  '问题来源',
  '问题类别',
  '问题描述',
  '责任单位',
  '责任人',
  '整改措施',
  '整改时限',
  '整改进展',
  '整改状态/是否销号',
  '涉及金额(万元)',
];

export async function xlsxOf(
  rows: Row[],
  opts: { title?: string; headers?: string[] } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('整改台账');
  if (opts.title) ws.addRow([opts.title]);
  ws.addRow(opts.headers ?? HEADERS);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const csvCell = (c: Row[number]) => {
  const s = c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function csvText(rows: Row[], headers = HEADERS): string {
  return [headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n');
}

export const gbkCsv = (rows: Row[], headers?: string[]) =>
  new Uint8Array(iconv.encode(csvText(rows, headers), 'gbk'));
export const utf8BomCsv = (rows: Row[], headers?: string[]) =>
  new Uint8Array(
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(rows, headers), 'utf8')]),
  );

/** POST a file as multipart (the SPA's way) or raw with its content type. */
export function upload(
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
    headers['x-file-name'] = encodeURIComponent(opts.name ?? 'ledger');
    body = Buffer.from(bytes);
  } else {
    const form = new FormData();
    form.append('file', new File([Buffer.from(bytes)], opts.name ?? 'ledger.xlsx'));
    body = form;
  }
  return h.app.request(`/api/v1/imports/rectification-ledger${qs}`, {
    method: 'POST',
    headers,
    body,
  }) as Promise<Response>;
}
