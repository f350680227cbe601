/** Ledger files built in tests: xlsx written by exceljs, csv encoded as Excel in China saves it. */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { assertContract } from '../testing/contract.js';
import { apiContract, type Harness } from '../testing/harness.js';

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

export interface UploadOptions {
  dryRun?: boolean;
  name?: string;
  /** Send the bytes raw with this content type (and the name in x-file-name), not as a form. */
  raw?: string;
}

/**
 * POSTs a file to an import route as multipart (the SPA's way) or raw with its content type; the answer
 * is held to the API's contract like every other the tests see.
 */
export async function uploadFile(
  h: Harness,
  path: string,
  token: string,
  bytes: Uint8Array,
  opts: UploadOptions & { defaultName: string },
): Promise<Response> {
  const url = `${path}${opts.dryRun === false ? '?dryRun=false' : ''}`;
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  const name = opts.name ?? opts.defaultName;
  let body: RequestInit['body'];
  if (opts.raw) {
    headers['content-type'] = opts.raw;
    headers['x-file-name'] = encodeURIComponent(name);
    body = Buffer.from(bytes);
  } else {
    const form = new FormData();
    form.append('file', new File([Buffer.from(bytes)], name));
    body = form;
  }
  const res = (await h.app.request(url, { method: 'POST', headers, body })) as Response;
  await assertContract(await apiContract(), 'POST', url, res.clone());
  return res;
}

/** A ledger to the ledger import. */
export const upload = (h: Harness, token: string, bytes: Uint8Array, opts: UploadOptions = {}) =>
  uploadFile(h, '/api/v1/imports/rectification-ledger', token, bytes, {
    defaultName: opts.raw ? 'ledger' : 'ledger.xlsx',
    ...opts,
  });
