/**
 * Spreadsheets at volume, through the API process: a 10,000-row rectification ledger (整改台账, the most a
 * file may hold) committed by `POST /api/v1/imports/rectification-ledger?dryRun=false`, and a
 * 100,000-row findings export streamed by `GET /api/v1/exports/findings.xlsx`, with the API process's
 * memory sampled while it streams. These were timed tests once; they are figures, so they live here
 * (npm test keeps what can fail: the row cap, the size cap, a streamed export read back row by row).
 */
import { Readable } from 'node:stream';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Finding } from '@jiandu/shared';
import ExcelJS from 'exceljs';
import { type Row as LedgerRow, xlsxOf } from '../../functions/src/sheets/test-files.js';
import type { Row } from './report.js';
import { rssMiB } from './rss.js';
import { fmt, int } from './stats.js';
import { PASSWORD, type World } from './world.js';

export interface SheetSizes {
  /** Rows of the committed ledger: 10,000, the most a file may hold. */
  ledgerRows: number;
  /** Findings exported in one xlsx. */
  exportRows: number;
}
/** The export's rows are findings listed on a day of their own, so the export selects exactly them. */
const EXPORT_DAY = '2020-01-06';

export interface SheetsResult {
  importMs: number;
  created: number;
  fileBytes: number;
  loadMs: number;
  exportMs: number;
  exportBytes: number;
  exportRows: number;
  rssBase: number;
  rssPeak: number;
  heapBase: number;
  heapPeak: number;
}

const mib = (n: number) => n / 2 ** 20;

/** The ledger: rows over the townships of the tree, deadlines over two months, amounts in 万元. */
function ledgerRows(w: World, n: number): LedgerRow[] {
  const towns = w.units.filter((u) => u.kind === 'township').map((u) => u.name);
  return Array.from({ length: n }, (_, i) => [
    i + 1,
    '审计',
    '挪用',
    `第${i + 1}号问题：扶贫项目资金拨付台账与银行流水不符`,
    towns[i % towns.length]!,
    null,
    null,
    45838 + (i % 60),
    null,
    null,
    (i % 1000) / 100,
  ]);
}

async function importLedger(w: World, n: number, log: (s: string) => void) {
  const bytes = await xlsxOf(ledgerRows(w, n));
  log(`spreadsheets: committing a ${int(n)}-row ledger (${fmt(bytes.length / 1024)} KB xlsx) …`);
  const form = new FormData();
  form.append('file', new File([Buffer.from(bytes)], 'bench-ledger.xlsx'));
  const t0 = performance.now();
  const res = await fetch(`${w.api.url}/api/v1/imports/rectification-ledger?dryRun=false`, {
    method: 'POST',
    headers: { authorization: `Bearer ${w.token}` },
    body: form,
  });
  const importMs = performance.now() - t0;
  const body = (await res.json()) as { counts?: { created?: number } };
  if (res.status !== 200)
    throw new Error(`the ledger import answered ${res.status}: ${JSON.stringify(body)}`);
  const created = body.counts?.created ?? 0;
  if (created !== n) throw new Error(`the ledger import created ${created} of ${n} rows`);
  return { importMs, created, fileBytes: bytes.length };
}

/** `n` findings written as the store writes them (record + indexes), 8 writers of 25-item batches. */
async function loadFindings(w: World, n: number) {
  const head = { recordKey: 'x', seq: 1, hash: '0'.repeat(64) };
  const towns = w.units.filter((u) => u.kind === 'township');
  const paths = new Map<string, string>();
  for (const u of towns) paths.set(u.id, (await w.deps.units.pathOf(u.id))!);
  const itemAt = (i: number) => {
    const unit = towns[i % towns.length]!;
    const id = `bulk${String(i).padStart(7, '0')}`;
    const f: Finding = {
      id,
      unitId: unit.id,
      category: 'formalism',
      severity: 'serious',
      source: 'inspection',
      description: `批量问题第${i}条：扶贫资金拨付不及时`,
      amountFen: 412_450_000,
      discoveredOn: EXPORT_DAY,
      inspectorId: 'bulk',
      createdAt: `${EXPORT_DAY}T09:00:00+08:00`,
      rectificationId: null,
    } as Finding;
    return w.deps.store.itemOf(
      {
        type: 'finding',
        id,
        before: null,
        data: f,
        index: { unitPath: paths.get(unit.id)!, listSort: EXPORT_DAY },
        actor: { id: 'bulk', role: 'inspector' },
        at: f.createdAt,
        action: 'finding.create',
      },
      1,
      { ...head, recordKey: `finding#${id}` },
    );
  };
  let next = 0;
  const writer = async () => {
    while (next < n) {
      const from = next;
      next += 25;
      let req: Record<string, unknown>[] | undefined = Array.from(
        { length: Math.min(25, n - from) },
        (_, k) => ({ PutRequest: { Item: itemAt(from + k) } }),
      );
      while (req?.length) {
        const r = await w.deps.doc.send(
          new BatchWriteCommand({ RequestItems: { [w.deps.tableName]: req as never } }),
        );
        req = r.UnprocessedItems?.[w.deps.tableName] as Record<string, unknown>[] | undefined;
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 8 }, writer));
  return performance.now() - t0;
}

async function exportFindings(w: World, n: number, admin: string) {
  const base = await w.api.memory();
  const rssBase = rssMiB(w.api.pid);
  let rssPeak = rssBase;
  let heapPeak = mib(base.heapUsed);
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      rssPeak = Math.max(rssPeak, rssMiB(w.api.pid));
      heapPeak = Math.max(heapPeak, mib((await w.api.memory()).heapUsed));
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const t0 = performance.now();
  const res = await fetch(`${w.api.url}/api/v1/exports/findings.xlsx?from=${EXPORT_DAY}&to=${EXPORT_DAY}`, {
    headers: { authorization: `Bearer ${admin}` },
  });
  if (res.status !== 200) throw new Error(`the export answered ${res.status}`);
  const chunks: Buffer[] = [];
  let bytes = 0;
  const reader = res.body!.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    bytes += r.value.length;
    chunks.push(Buffer.from(r.value));
  }
  const exportMs = performance.now() - t0;
  sampling = false;
  await sampler;
  // Read back: every row is there (the header row + one per finding).
  let rows = 0;
  const wb = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks), {
    sharedStrings: 'ignore',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  for await (const ws of wb) for await (const _row of ws) rows++;
  if (rows !== n + 1) throw new Error(`the export holds ${rows - 1} of ${n} rows`);
  return {
    exportMs,
    exportBytes: bytes,
    exportRows: rows - 1,
    rssBase,
    rssPeak,
    heapBase: mib(base.heapUsed),
    heapPeak,
  };
}

/** Signs in an administrator through the API (exports are the supervisor's and the admin's). */
async function adminToken(w: World): Promise<string> {
  const res = await fetch(`${w.api.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench-admin', password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`admin sign-in answered ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export async function benchSheets(w: World, sizes: SheetSizes, log: (s: string) => void) {
  const imported = await importLedger(w, sizes.ledgerRows, log);
  log(
    `… committed in ${fmt(imported.importMs / 1000)} s; loading ${int(sizes.exportRows)} findings to export …`,
  );
  const loadMs = await loadFindings(w, sizes.exportRows);
  log(`… loaded in ${fmt(loadMs / 1000)} s; exporting them as xlsx …`);
  const exported = await exportFindings(w, sizes.exportRows, await adminToken(w));
  log(
    `… exported ${int(exported.exportRows)} rows (${fmt(mib(exported.exportBytes))} MB) in ${fmt(exported.exportMs / 1000)} s; API RSS ${fmt(exported.rssBase)} → peak ${fmt(exported.rssPeak)} MB`,
  );
  const result: SheetsResult = { ...imported, loadMs, ...exported };
  return { result, rows: sheetRows(w, sizes, result), details: sheetDetails(w, sizes, result) };
}

function sheetRows(w: World, { ledgerRows: n, exportRows: m }: SheetSizes, r: SheetsResult): Row[] {
  return [
    {
      what: `ledger import, ${int(n)} xlsx rows committed through the API`,
      store: w.label,
      figure: `**${fmt(r.importMs / 1000)} s** (${fmt((r.created / r.importMs) * 1000)} rows/s)`,
      bar: 'reported',
      pass: null,
    },
    {
      what: `findings export, ${int(m)} rows streamed as xlsx: API heap growth at its peak`,
      store: w.label,
      figure: `${fmt(r.exportMs / 1000)} s; heap ${fmt(r.heapBase)} → ${fmt(r.heapPeak)} MB = **+${fmt(r.heapPeak - r.heapBase)} MB**`,
      // 100,000 findings held as objects take over 300 MB: a bound well under that means it streams.
      bar: '≤ 160 MB',
      pass: r.heapPeak - r.heapBase <= 160,
    },
  ];
}

function sheetDetails(w: World, { ledgerRows: n, exportRows: m }: SheetSizes, r: SheetsResult): string[] {
  return [
    `Spreadsheets (${w.label}): a ${int(n)}-row ledger (${fmt(r.fileBytes / 1024)} KB xlsx, rows over the townships, one rectification each) committed in one request in ${fmt(r.importMs / 1000)} s — every row checked, then written through the idempotent ledger ingestion (record, event, natural key, aggregates per row).`,
    `Findings export (${w.label}): ${int(m)} findings written directly as the store writes them (8 writers of 25-item batches, ${fmt(r.loadMs / 1000)} s), then exported through the API in ${fmt(r.exportMs / 1000)} s as a ${fmt(mib(r.exportBytes))} MB xlsx read back row by row; the API process's RSS ${fmt(r.rssBase)} → peak ${fmt(r.rssPeak)} MB, V8 heap used ${fmt(r.heapBase)} → peak ${fmt(r.heapPeak)} MB (sampled every 50 ms).`,
  ];
}
