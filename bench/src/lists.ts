/**
 * Lists rows (issue 15 "lists cost O(page)", issue 17 "keyword search"): the first page of the
 * rectifications list for a township officer, a county supervisor and the city, at several record counts
 * (10,000, 100,000 and 1,000,000 by default), each count in its own table of one DynamoDB Local whose file is
 * on tmpfs where the machine has room (LISTS_DIR)
 * (in memory, a million records with the table's indexes would not fit the machine's memory).
 * Every table holds the same unit tree and the same records in the measured scopes — the township 250,
 * its county 2,500 — and the rest of its records in the other counties, so a flat row means the cost of
 * a list does not grow with the records outside its scope.
 *
 * Records are generated as the record store writes them (`RecordStore.itemOf` with the service's
 * `rectificationIndex`, so every index attribute is the one the write path derives) and put with
 * BatchWriteItem; their events are not written — a list reads state items only. Each page is read through
 * the service (`listRectifications`, with the caller's jurisdiction from `listScope`), and the items it
 * reads are counted from the store's answers (ScannedCount of every Query, before filters).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  addDays,
  DEFAULT_SCHEME,
  formatInstant,
  initialHorizon,
  nextOverdueStepMs,
  overdueActions,
  type Rectification,
  type Unit,
} from '@jiandu/shared';
import { rectificationListQuerySchema } from '@jiandu/shared/api';
import { type Deps, makeDeps } from '../../functions/src/app/deps.js';
import { generateSigningKey } from '../../functions/src/auth/signing-key.js';
import { createVerifier, jwksOf } from '../../functions/src/auth/tokens.js';
import { ephemeralPiiCipher } from '../../functions/src/crypto/pii.js';
import { localEvidence } from '../../functions/src/evidence/local-evidence.js';
import { localDigestWriter } from '../../functions/src/jobs/digest-writer.js';
import { overdueSweep } from '../../functions/src/jobs/overdue-sweep.js';
import { dynamoClient } from '../../functions/src/local/client.js';
import { startDynamoLocal } from '../../functions/src/local/dynamodb-local.js';
import { emlMailer } from '../../functions/src/outbox/mail.js';
import { createUnits } from '../../functions/src/services/org/org.js';
import { rectificationIndex } from '../../functions/src/services/rectifications/index.js';
import { listRectifications } from '../../functions/src/services/rectifications/list.js';
import { schemeFingerprint } from '../../functions/src/services/sweeps/wake.js';
import { keys, ROOT_SHARDS } from '../../functions/src/store/keys.js';
import { READ_BUDGET } from '../../functions/src/store/record-store.js';
import { localTable } from '../../functions/src/store/table.js';
import { ensureTable } from '../../functions/src/store/table-bootstrap.js';
import { putItem } from '../../functions/src/store/table-ops.js';
import { benchUnits, mix32 } from './fixtures.js';
import type { Row } from './report.js';
import { fmt, int, median, roundOrder } from './stats.js';

export const LIST_SIZES = [10_000, 100_000, 1_000_000];
/**
 * Where the lists tables live: DynamoDB Local's database file (-dbPath, SQLite) on tmpfs where the machine
 * has one. What is measured is unchanged — the same file-backed store, its queries and its indexes — but
 * writing a million records to a file on the root disk took 4,473 s, on tmpfs 1,753 s (2026-12-04; the
 * file of all three tables, 1.11 million records, is ~3.6 GB: the tmpfs must have 8 GB free, else the
 * OS's temporary directory is used). The file's pages are the kernel's, not the store's resident memory;
 * the memory rows keep their own store on disk.
 */
const TMPFS = '/dev/shm';
const TMPFS_NEEDED = 8 * 2 ** 30;
const tmpfsFree = () => {
  if (!existsSync(TMPFS)) return 0;
  const fs = statfsSync(TMPFS);
  return fs.bavail * fs.bsize;
};
const LISTS_DIR = tmpfsFree() >= TMPFS_NEEDED ? TMPFS : tmpdir();
const ON_TMPFS = LISTS_DIR === TMPFS;
const STORE_LABEL = ON_TMPFS ? 'file on tmpfs' : 'on disk';
const UNITS = 2_000;
const PAGE = 50;
/** Timed rounds: 7 × the 6 orders of three tables (`roundOrder`), after 10 untimed. */
const REPS = 42;
const WARMUPS = 10;
/** The measured township (250 records at every size), an empty one, and their county (2,500). */
const TOWNSHIP = 'bc-c0-t0';
const EMPTY_TOWNSHIP = 'bc-c0-t23';
const COUNTY = 'bc-c0';
const CITY = 'bc';
/** Records 0 … IN_COUNTY-1 are the measured county's; every 10th of them the measured township's. */
const IN_COUNTY = 2_500;
/** The keyword, in every 10th record's title (full-width digits in the text: NFKC makes them match). */
const KEYWORD = '危房改造';
const TITLES = ['饮水安全巩固', '产业帮扶资金拨付', '易地搬迁后续扶持', '教育资助落实', '医疗保障兑现'];
const TODAY = '2026-12-01';

interface Scope {
  label: string;
  unitId: string;
  query: Record<string, string>;
}
const SCOPES: Scope[] = [
  { label: 'township officer', unitId: TOWNSHIP, query: {} },
  { label: 'county supervisor', unitId: COUNTY, query: {} },
  { label: 'city', unitId: CITY, query: {} },
  { label: 'county supervisor, state=open', unitId: COUNTY, query: { state: 'open' } },
  { label: 'city, overdue=true', unitId: CITY, query: { overdue: 'true' } },
  { label: 'township officer, empty list', unitId: EMPTY_TOWNSHIP, query: {} },
  { label: `county supervisor, keyword q=${KEYWORD}`, unitId: COUNTY, query: { q: KEYWORD } },
  { label: `city, keyword q=${KEYWORD}`, unitId: CITY, query: { q: KEYWORD } },
];

export interface ListPoint {
  records: number;
  scope: string;
  /** Items the first page returned, items the store read for it (before filters), Query round trips. */
  returned: number;
  read: number;
  queries: number;
  p50Ms: number;
}

/** The unit of record `i`: the measured county's first IN_COUNTY records, the other counties' the rest. */
function unitOf(i: number, townships: readonly string[]): string {
  if (i < IN_COUNTY) return i % 10 === 0 ? TOWNSHIP : `${COUNTY}-t${1 + (i % 22)}`;
  return townships[mix32(i) % townships.length] as string;
}

/** Records are created over the SPAN_S seconds before the bench's now, by a hash of their number. */
const SPAN_S = 330 * 86_400;

/**
 * Record `i`: the same record at every count (the measured scopes hold the same ones), created at an
 * instant of the 330 days before now drawn by its number's hash — so every table has the same mix of
 * ages, deadlines passed and states in any window of its newest records, whatever its size.
 */
function rectification(i: number, unitId: string): Rectification {
  const createdAt = new Date(NOW_MS - SPAN_S * 1000 + (mix32(i + 11) % SPAN_S) * 1000).toISOString();
  const deadline = addDays(createdAt.slice(0, 10), 30 + (mix32(i) % 300));
  const closed = mix32(i + 7) % 3 === 0;
  const title = `${i % 10 === 3 ? `${KEYWORD}第${i % 7}批` : TITLES[i % TITLES.length]}（第１２号）`;
  return {
    id: `r${i}`,
    source: { kind: 'finding', id: `f${i}` },
    unitId,
    title,
    description: `基准整改事项${i}`,
    amountFen: 0,
    deadline,
    state: closed ? 'closed' : 'assigned',
    version: 1,
    measures: [],
    progress: [],
    evidence: [],
    deadlines: [{ deadline, at: createdAt, by: 'bench', reason: null }],
    extensions: [],
    submittedBy: null,
    submittedAt: null,
    firstReviewerId: null,
    firstApprovedAt: null,
    secondReviewerId: null,
    closedAt: closed ? createdAt : null,
    lastRejection: null,
    createdAt,
  } as unknown as Rectification;
}

const NOW_MS = Date.parse(`${TODAY}T02:00:00Z`);
const NOW_AT = formatInstant(NOW_MS, DEFAULT_SCHEME.timeZone);

/**
 * A generated rectification's wake list entry as the daily sweeps leave it (services/sweeps/wake.ts):
 * keyed at its next ladder step after now, every step reached by now counted as done (those that came
 * before the bench's today were raised on their days) — off the list when none is left.
 */
function sweptYesterday(item: Record<string, unknown>, r: Rectification): Record<string, unknown> {
  const { jwpk: _pk, jwsk: _sk, ...rest } = item;
  if (r.state === 'closed') return rest;
  const done = new Set(overdueActions(r, NOW_AT, DEFAULT_SCHEME).map((a) => a.level));
  const next = nextOverdueStepMs(r, DEFAULT_SCHEME, done);
  return next === null ? rest : { ...rest, ...keys.wake('rectification', r.id, next) };
}

/** Puts `count` generated rectifications into deps' table, 25 to a BatchWriteItem, 8 requests at a time. */
/** A generated rectification's state item, as the record store writes it (its events are not written). */
function stateItem(deps: Deps, r: Rectification, unitPath: string): Record<string, unknown> {
  return deps.store.itemOf(
    {
      type: 'rectification',
      id: r.id,
      before: null,
      data: r,
      index: rectificationIndex(r, unitPath, initialHorizon(TODAY, r.deadline)),
      actor: { id: 'bench', role: 'admin' },
      at: r.createdAt,
      action: 'create',
    },
    1,
    { recordKey: keys.recordKey('rectification', r.id), seq: 1, hash: '0'.repeat(64) },
  );
}

/** Puts up to 25 items in one BatchWriteItem into `table`, again until none is left unprocessed. */
export async function putBatch(
  doc: Deps['doc'],
  table: string,
  items: readonly Record<string, unknown>[],
): Promise<void> {
  let requests = items.map((Item) => ({ PutRequest: { Item } }));
  while (requests.length > 0) {
    const out = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
    requests = (out.UnprocessedItems?.[table] ?? []) as typeof requests;
  }
}

/**
 * Puts `count` generated rectifications into deps' table, 25 to a BatchWriteItem, 8 requests at a time;
 * answers how many of them are open.
 */
async function load(deps: Deps, count: number, paths: Map<string, string>, townships: string[]) {
  let next = 0;
  let open = 0;
  const CHUNK = 25;
  const worker = async () => {
    while (next < count) {
      const from = next;
      next = Math.min(count, next + CHUNK);
      const items = [];
      for (let i = from; i < next; i++) {
        const unitId = unitOf(i, townships);
        const r = rectification(i, unitId);
        if (r.state !== 'closed') open++;
        items.push(sweptYesterday(stateItem(deps, r, paths.get(unitId) as string), r));
      }
      await putBatch(deps.doc, deps.tableName, items);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return open;
}

/** Reads of the store through `doc`: items scanned and Query calls, counted by a middleware. */
function countReads(doc: Deps['doc']) {
  const c = { read: 0, queries: 0, byCommand: new Map<string, { n: number; ms: number }>() };
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const t0 = performance.now();
      const out = await next(args);
      const name = context.commandName ?? '?';
      const m = c.byCommand.get(name) ?? { n: 0, ms: 0 };
      m.n++;
      m.ms += performance.now() - t0;
      c.byCommand.set(name, m);
      if (context.commandName === 'QueryCommand') {
        const o = out.output as { ScannedCount?: number; Count?: number };
        c.read += o.ScannedCount ?? o.Count ?? 0;
        c.queries++;
      }
      return out;
    },
    { step: 'initialize', name: 'benchCountReads' },
  );
  return c;
}

export async function benchLists(opts: {
  sizes?: readonly number[];
  log: (s: string) => void;
}): Promise<{ rows: Row[]; details: string[]; points: ListPoint[] }> {
  const sizes = opts.sizes ?? LIST_SIZES;
  const dir = mkdtempSync(join(LISTS_DIR, 'jiandu-bench-lists-'));
  const store = await startDynamoLocal({ heapMb: 256, dataDir: join(dir, 'store') });
  try {
    const clients = dynamoClient(store.endpoint);
    const counter = countReads(clients.doc);
    const key = await generateSigningKey('bench-lists');
    const cfg = { issuer: 'jiandu-bench', audience: 'jiandu' };
    const now = Date.parse(`${TODAY}T02:00:00Z`);
    const units: Unit[] = benchUnits(UNITS);
    const townships = units
      .filter((u) => u.kind === 'township' && !u.id.startsWith(`${COUNTY}-`))
      .map((u) => u.id);
    const tables: { records: number; open: number; deps: Deps; paths: Map<string, string> }[] = [];
    for (const records of sizes) {
      const table = localTable(`lists_${records}`);
      await ensureTable(clients.client, table);
      const deps = makeDeps({
        doc: clients.doc,
        tableName: table.name,
        clock: () => now,
        verify: createVerifier({ ...cfg, jwks: jwksOf([key]), now: () => Math.floor(now / 1000) }),
        issuer: { key, cfg },
        scheme: DEFAULT_SCHEME,
        pii: ephemeralPiiCipher(),
        cursorKey: randomBytes(32),
        evidence: localEvidence(join(dir, 'evidence'), randomBytes(32)),
        mailer: emlMailer(join(dir, 'mail'), 'bench@bench.invalid', () => now),
        digests: localDigestWriter(join(dir, 'digests')),
      });
      await createUnits(deps, units);
      const paths = new Map<string, string>();
      for (const u of units) paths.set(u.id, (await deps.units.pathOf(u.id)) as string);
      const t0 = performance.now();
      const open = await load(deps, records, paths, townships);
      opts.log(
        `lists: ${int(records)} rectifications in ${fmt((performance.now() - t0) / 1000)} s (table ${table.name})`,
      );
      tables.push({ records, open, deps, paths });
    }
    const principal = (unitId: string) => ({
      id: `bench-${unitId}`,
      name: unitId,
      roles: ['inspector' as const],
      unitId,
    });
    const page = async (deps: Deps, s: Scope) => {
      const q = rectificationListQuerySchema.parse({ limit: String(PAGE), ...s.query });
      const before = { ...counter };
      const t0 = performance.now();
      const res = await listRectifications(deps, principal(s.unitId), q);
      const ms = performance.now() - t0;
      return {
        ms,
        returned: res.items.length,
        read: counter.read - before.read,
        queries: counter.queries - before.queries,
      };
    };
    /** The store's own floor: one Query of an empty partition of the table's list index, straight. */
    const floor = async (deps: Deps) => {
      const t0 = performance.now();
      await deps.doc.send(
        new QueryCommand({
          TableName: deps.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': 'L#none' },
          Limit: PAGE,
        }),
      );
      return performance.now() - t0;
    };
    const floors = new Map<number, number[]>();
    const times = new Map<string, number[]>();
    const counts = new Map<string, { returned: number; read: number; queries: number }>();
    for (let r = 0; r < WARMUPS + REPS; r++) {
      const order = roundOrder(tables, r);
      for (const t of order) {
        const ms = await floor(t.deps);
        if (r >= WARMUPS) floors.set(t.records, [...(floors.get(t.records) ?? []), ms]);
      }
      for (const s of SCOPES)
        for (const t of order) {
          const m = await page(t.deps, s);
          const k = `${s.label}@${t.records}`;
          counts.set(k, m);
          if (r < WARMUPS) continue;
          times.set(k, [...(times.get(k) ?? []), m.ms]);
        }
    }
    const points: ListPoint[] = [];
    for (const s of SCOPES)
      for (const t of tables) {
        const k = `${s.label}@${t.records}`;
        const c = counts.get(k)!;
        points.push({ records: t.records, scope: s.label, ...c, p50Ms: median(times.get(k)!) });
      }
    for (const p of points)
      opts.log(
        `lists: ${p.scope}, ${int(p.records)} records: ${p.returned} returned, ${p.read} read in ${p.queries} queries, p50 ${fmt(p.p50Ms)} ms`,
      );
    const floorMs = tables.map((t) => median(floors.get(t.records)!));
    opts.log(
      `lists: one empty Query straight to the store, p50 ${floorMs.map((n) => fmt(n)).join(' / ')} ms`,
    );
    const sweep = await benchSweep(tables, counter, townships, opts.log);
    return {
      rows: [...listRows(points), sweep.row],
      details: [
        sweep.detail,
        ...listDetails(sizes),
        `Lists, the store's floor: one Query of an empty index partition sent straight with the SDK, p50 ${floorMs.map((n) => fmt(n)).join(' / ')} ms at ${sizes.map(int).join(' / ')} records (what DynamoDB Local itself costs per round trip as its table grows).`,
      ],
      points,
    };
  } finally {
    await store.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Rectifications whose day 1 falls on the bench's today, put before each sweep run (fresh ids). */
const DUE_TODAY = 100;
const SWEEP_REPS = 6;

/**
 * The overdue sweep row (issue 15 "sweeps read only what is due"): in each lists table (its open
 * rectifications keyed as yesterday's sweep left them), DUE_TODAY new rectifications due yesterday are
 * put on the wake list at the start of today, then the sweep runs for today — reading, raising and
 * re-keying those, whatever the number of open records. The tables interleave in every round.
 */
async function benchSweep(
  tables: readonly { records: number; open: number; deps: Deps; paths: Map<string, string> }[],
  counter: { read: number; queries: number; byCommand: Map<string, { n: number; ms: number }> },
  townships: readonly string[],
  log: (s: string) => void,
): Promise<{ row: Row; detail: string }> {
  const yesterday = addDays(TODAY, -1);
  for (const t of tables)
    await putItem(t.deps, {
      ...keys.sweepKeyed('overdue-sweep'),
      scheme: schemeFingerprint(DEFAULT_SCHEME),
      job: 'overdue-sweep',
    });
  const runs = new Map<
    number,
    {
      ms: number;
      read: number;
      queries: number;
      requests: number;
      getMs: number;
      scanned: number;
      raised: number;
    }[]
  >();
  for (let rep = 0; rep < SWEEP_REPS; rep++) {
    const order = roundOrder(tables, rep);
    for (const t of order) {
      const items = [];
      for (let i = 0; i < DUE_TODAY; i++) {
        const unitId = townships[mix32(rep * DUE_TODAY + i) % townships.length] as string;
        const base = rectification(i, unitId);
        const r = {
          ...base,
          id: `due${rep}-${i}`,
          state: 'assigned',
          closedAt: null,
          deadline: yesterday,
          deadlines: [{ deadline: yesterday, at: base.createdAt, by: 'bench', reason: null }],
        } as Rectification;
        const item = stateItem(t.deps, r, t.paths.get(unitId) as string);
        // Keyed by yesterday's sweep at its first step: the start of today.
        const next = nextOverdueStepMs(r, DEFAULT_SCHEME, new Set()) as number;
        items.push({ ...item, ...keys.wake('rectification', r.id, next) });
      }
      for (let k = 0; k < items.length; k += 25)
        await putBatch(t.deps.doc, t.deps.tableName, items.slice(k, k + 25));
      const before = { ...counter };
      counter.byCommand.clear();
      const t0 = performance.now();
      const res = await overdueSweep(t.deps, { now: NOW_MS });
      const ms = performance.now() - t0;
      const get = counter.byCommand.get('GetItemCommand');
      const run = {
        ms,
        read: counter.read - before.read,
        queries: counter.queries - before.queries,
        requests: [...counter.byCommand.values()].reduce((n, v) => n + v.n, 0),
        getMs: get ? get.ms / get.n : 0,
        scanned: res.counts.scanned ?? 0,
        raised: res.counts.alertsRaised ?? 0,
      };
      log(
        `sweep: ${int(t.records)} records, run ${rep + 1}: ${run.scanned} read from the wake list (${run.read} items in ${run.queries} queries, alerts' own reads included), ${run.raised} alerts raised, ${fmt(ms)} ms; ${[...counter.byCommand].map(([k, v]) => `${k.replace('Command', '')} ${v.n}× ${fmt(v.ms / v.n)} ms`).join(', ')}`,
      );
      runs.set(t.records, [...(runs.get(t.records) ?? []), run]);
    }
  }
  const points = tables.map((t) => {
    const rs = runs.get(t.records)!;
    return {
      records: t.records,
      open: t.open,
      ms: median(rs.map((r) => r.ms)),
      scanned: median(rs.map((r) => r.scanned)),
      read: median(rs.map((r) => r.read)),
      requests: median(rs.map((r) => r.requests)),
      getMs: median(rs.map((r) => r.getMs)),
      raised: median(rs.map((r) => r.raised)),
    };
  });
  const first = points[0]!;
  // The bar is on what the sweep does — items read and requests sent, flat. Its time is reported beside
  // the store's own cost of one GetItem in the same run: DynamoDB Local's per-request time grows with the
  // size of the table it serves (DynamoDB's does not), so the time alone cannot be flat here.
  const flat = points.every(
    (p) =>
      p.scanned === DUE_TODAY && within(first.read, p.read, 0.2) && within(first.requests, p.requests, 0.2),
  );
  return {
    row: {
      what: `overdue sweep, ${DUE_TODAY} due today: items read and time, ${points.map((p) => int(p.records)).join(' → ')} records`,
      store: STORE_LABEL,
      figure: `read from the wake list **${points.map((p) => p.scanned).join(' / ')}**, Query items **${points.map((p) => p.read).join(' / ')}**, requests **${points.map((p) => p.requests).join(' / ')}**; median ${points.map((p) => fmt(p.ms)).join(' / ')} ms (the store's GetItem ${points.map((p) => fmt(p.getMs)).join(' / ')} ms)`,
      bar: 'items read and requests flat ± 20 %',
      pass: flat,
    },
    detail: `Overdue sweep: in each lists table (its open rectifications — ${points.map((p) => int(p.open)).join(' / ')} — keyed on the wake list as the previous day's sweep leaves them), ${DUE_TODAY} fresh rectifications due yesterday are put on the list at the start of today, then \`overdueSweep\` runs for today: it reads them alone, raises their day-1 alerts (${points.map((p) => p.raised).join(' / ')} raised) and keys them at day 15. "Query items" counts ScannedCount of every Query of the run (the wake list's shards and the reads raising an alert makes). Medians of ${SWEEP_REPS} runs, the tables interleaved. Before issue 15's wake list the sweep read every open rectification (one partition, \`S#rectification#open\`).`,
  };
}

const perItem = (p: ListPoint) => (p.returned === 0 ? p.read : p.read / p.returned);
const within = (a: number, b: number, tol: number) => (a === 0 ? b === 0 : Math.abs(b / a - 1) <= tol);

function listRows(points: ListPoint[]): Row[] {
  const rows: Row[] = [];
  for (const { label: scope, unitId } of SCOPES) {
    const ps = points.filter((p) => p.scope === scope);
    const first = ps[0];
    if (!first) continue;
    const sizes = ps.map((p) => int(p.records)).join(' → ');
    const empty = first.returned === 0;
    const keyword = scope.includes('keyword');
    const reads = ps.map((p) => (empty ? `${p.read}` : fmt(perItem(p)))).join(' / ');
    const lat = ps.map((p) => fmt(p.p50Ms)).join(' / ');
    const returned = ps.map((p) => p.returned).join(' / ');
    // Reads flat: every size reads per item within ±20 % of the smallest's (an empty list: a constant
    // that does not grow). Latency flat: p50 within ±20 % of the smallest size's (with 1 ms of slack
    // for sub-millisecond noise), as issue 15's bar says for the lists of a jurisdiction and their
    // filters. A keyword search (issue 17: "its cost reported in the bench") has no index: its cost is
    // the page budget of items read, the bar; its time is reported beside it, not held to ±20 % — it
    // follows what the filter keeps at each size (the city's other counties differ between tables).
    const readsFlat = ps.every((p) =>
      empty ? p.read <= first.read : within(perItem(first), perItem(p), 0.2),
    );
    // The city's lists merge the root's shards; a unit below it reads its own partition.
    const budget = READ_BUDGET(PAGE, unitId === CITY ? ROOT_SHARDS : 1);
    const inBudget = ps.every((p) => p.read <= budget);
    const latFlat = ps.every((p) => Math.abs(p.p50Ms - first.p50Ms) <= Math.max(0.2 * first.p50Ms, 1));
    rows.push({
      what: `first list page (${PAGE}) of rectifications, ${scope}: ${empty ? 'items read' : 'items read per item returned'} and p50, ${sizes} records`,
      store: STORE_LABEL,
      figure: `${empty ? 'read' : 'read/returned'} **${reads}** (returned ${returned}); p50 **${lat} ms**`,
      bar: keyword ? `items read flat ± 20 % and ≤ the page budget (${budget}); p50 reported` : 'flat ± 20 %',
      pass: readsFlat && (keyword ? inBudget : latFlat),
    });
  }
  return rows;
}

function listDetails(sizes: readonly number[]): string[] {
  return [
    `Lists: ${sizes.map(int).join(', ')} rectifications, each count in its own table of one DynamoDB Local whose database file is ${ON_TMPFS ? 'on tmpfs' : 'on disk'}, with the same ${int(UNITS)}-unit tree; the measured township holds 250 records and its county ${int(IN_COUNTY)} at every count, the other records are spread over the other counties' townships; a third are closed, every 10th title holds the keyword 「${KEYWORD}」. Records are written as the store writes them (RecordStore.itemOf with rectificationIndex) by BatchWriteItem. Each page is read through listRectifications for a caller at the unit (limit ${PAGE}); "read" is the sum of ScannedCount (items read before filters) of its Queries. p50 of ${REPS} pages after ${WARMUPS} untimed, the tables interleaved in every round, each table in every position of the round equally often.`,
  ];
}
