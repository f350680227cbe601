/**
 * 项目资金台账 (DESIGN §4.6, seed 001 资金趴账): fund projects per unit and their ledger entries
 * (allocations, disbursements), each a record with its event chain. An entry and the project totals it
 * moves are written in one transaction (the project at the version read), so the totals always equal
 * the entries. Created one at a time with an Idempotency-Key, or in batches answered item by item;
 * source + externalId is a natural key. Jurisdiction: a caller writes and reads only inside their subtree.
 */
import {
  applyFundEntry,
  type Capability,
  type FundEntry,
  type FundProject,
  type FundProjectRecord,
  fundEntryInputSchema,
  fundProjectInputSchema,
  fundsView,
  localDateOf,
} from '@jiandu/shared';
import type {
  FundProjectDetail,
  FundProjectListQuery,
  FundProjectView,
  FundsView,
  Page,
} from '@jiandu/shared/api';
import type * as z from '@jiandu/shared/zod';
import { type Deps, nowIso } from '../../app/deps.js';
import { EdgeError } from '../../app/edge-error.js';
import { actingRole, assertCan, type Principal } from '../../auth/principal.js';
import { keys, partitions } from '../../store/keys.js';
import { type Actor, type RecordIndex, type StoredRecord, SYSTEM_ACTOR } from '../../store/record-store.js';
import { Tx, TxCancelled } from '../../store/tx.js';
import { listScope, readVisible, writableUnitPath } from '../org/jurisdiction.js';
import { commitBatch, type ItemWrite } from '../records/commit.js';
import { type IdemRef, replay, type StoredResponse } from '../records/idempotency.js';
import {
  type BatchItemResult,
  commitCreate,
  naturalDuplicate,
  naturalKeyOf,
  rejectionOf,
  validItems,
} from '../records/ingest.js';
import { pagingOf } from '../records/lists.js';
import { naturalOriginal, putNaturalKey } from '../records/natural-keys.js';

type ProjectInput = z.output<typeof fundProjectInputSchema>;
type EntryInput = z.output<typeof fundEntryInputSchema>;

export type { FundProjectView };

const view = (s: StoredRecord<FundProjectRecord>): FundProjectView => ({ ...s.data, version: s.version });

/** The fields the idle rule reads (its schema is strict: provenance stays out). */
export const ruleProject = (p: FundProjectRecord): FundProject => ({
  id: p.id,
  unitId: p.unitId,
  name: p.name,
  allocatedFen: p.allocatedFen,
  disbursedFen: p.disbursedFen,
  plannedCompletion: p.plannedCompletion,
});

/** Listed by planned completion (so the idle sweep reads only projects past it), and by unit. */
const projectIndex = (p: FundProjectRecord, unitPath: string): RecordIndex => ({
  unitPath,
  listSort: p.plannedCompletion,
  unit: { unitId: p.unitId, sort: p.plannedCompletion },
});

const entryIndex = (e: FundEntry, unitPath: string): RecordIndex => ({
  unitPath,
  listSort: e.date,
  extra: { ...keys.fundEntriesOf(e.projectId, e.date, e.id), kind: e.kind },
});

const PROJECT_WRITERS = 'fund.project.manage';
const ENTRY_WRITERS = 'fund.entry.create';

function assertRole(p: Principal, capability: Capability, _what: string) {
  assertCan(p, capability);
}

/** The event's actor: the caller in the role that allowed the write. */
const actorOf = (p: Principal, capability: Capability): Actor => ({
  id: p.id,
  role: actingRole(p, capability),
});

/* ------------------------------------------------------------------ projects */

function prepareProject(
  deps: Deps,
  p: Principal,
  input: ProjectInput,
  unitPath: string,
  at: string,
): ItemWrite<FundProjectView> {
  const project: FundProjectRecord = {
    id: deps.newId(),
    unitId: input.unitId,
    name: input.name,
    allocatedFen: input.allocatedFen,
    disbursedFen: 0,
    plannedCompletion: input.plannedCompletion,
    source: input.source,
    externalId: input.externalId ?? null,
    entries: 0,
    createdAt: at,
    createdBy: p.id,
  };
  return {
    result: { ...project, version: 1 },
    size: 2 + (input.externalId ? 1 : 0),
    changes: [],
    write: (tx, prefix) => {
      deps.store.write(tx, {
        type: 'fund',
        id: project.id,
        before: null,
        data: project,
        index: projectIndex(project, unitPath),
        actor: actorOf(p, PROJECT_WRITERS),
        at,
        action: 'fund.open',
        labelPrefix: prefix,
      });
      if (input.externalId)
        putNaturalKey(tx, `${prefix}nk`, 'fund', input.source, input.externalId, project.id);
    },
  };
}

export async function createFundProject(
  deps: Deps,
  p: Principal,
  input: ProjectInput,
  idem: IdemRef | null,
): Promise<StoredResponse<FundProjectView>> {
  const first = await replay<FundProjectView>(deps, idem);
  if (first) return first;
  assertRole(p, PROJECT_WRITERS, 'open fund projects');
  const unitPath = await writableUnitPath(deps, p, input.unitId);
  const nk = naturalKeyOf('fund', input.source, input.externalId);
  const dup = await naturalDuplicate(deps, nk);
  if (dup) return dup;
  const item = prepareProject(deps, p, input, unitPath, await nowIso(deps));
  const tx = new Tx(deps.tableName);
  item.write(tx, '');
  return commitCreate(deps, tx, [], { status: 201, body: item.result }, idem, nk);
}

export async function ingestFundProjects(
  deps: Deps,
  p: Principal,
  raw: unknown[],
): Promise<BatchItemResult[]> {
  assertRole(p, PROJECT_WRITERS, 'open fund projects');
  const at = await nowIso(deps);
  const results: BatchItemResult[] = new Array(raw.length);
  const valid = await validItems(raw, fundProjectInputSchema, results, async (input, index) => ({
    index,
    input,
    unitPath: await writableUnitPath(deps, p, input.unitId),
  }));
  const firstOf = new Map<string, number>();
  const writes: { index: number; input: ProjectInput; item: ItemWrite<FundProjectView> }[] = [];
  const repeats: { index: number; of: number }[] = [];
  for (const { index, input, unitPath } of valid) {
    if (input.externalId) {
      const nk = `${input.source}#${input.externalId}`;
      const earlier = firstOf.get(nk);
      if (earlier !== undefined) {
        repeats.push({ index, of: earlier });
        continue;
      }
      const existing = await naturalOriginal(deps, 'fund', input.source, input.externalId);
      if (existing) {
        results[index] = { index, status: 'duplicate', id: existing };
        continue;
      }
      firstOf.set(nk, index);
    }
    writes.push({ index, input, item: prepareProject(deps, p, input, unitPath, at) });
  }
  const outcomes = await commitBatch(
    deps,
    writes.map((w) => w.item),
  );
  for (const [k, w] of writes.entries()) {
    const o = outcomes[k]!;
    if (o.ok) {
      results[w.index] = { index: w.index, status: 'accepted', id: o.result.id };
      continue;
    }
    const existing = w.input.externalId
      ? await naturalOriginal(deps, 'fund', w.input.source, w.input.externalId)
      : null;
    results[w.index] = existing
      ? { index: w.index, status: 'duplicate', id: existing }
      : { index: w.index, status: 'rejected', field: '', reason: 'conflict', code: 'conflict.version' };
  }
  for (const r of repeats) {
    const first = results[r.of]!;
    results[r.index] =
      'id' in first ? { index: r.index, status: 'duplicate', id: first.id } : { ...first, index: r.index };
  }
  return results;
}

export async function getFundProject(deps: Deps, p: Principal, id: string): Promise<FundProjectDetail> {
  const project = view(await readVisible<FundProjectRecord>(deps, p, 'fund', id));
  const entries = (await deps.store.queryIndex<FundEntry>(partitions.fundEntries(id)))
    .map((s) => s.data)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  return { ...project, ledger: entries };
}

/** Projects in the caller's jurisdiction (or a unit's subtree in it), latest planned completion first. */
export async function listFundProjects(
  deps: Deps,
  p: Principal,
  q: FundProjectListQuery,
): Promise<Page<FundProjectView>> {
  const page = await deps.store.list<FundProjectRecord>('fund', {
    unitPathPrefix: await listScope(deps, p, q.unitId),
    limit: q.limit,
    ...pagingOf(p, q),
  });
  return { items: page.items.map(view), cursor: page.cursor };
}

/* ------------------------------------------------------------------ entries */

const MAX_ATTEMPTS = 8;

/** The project an entry names, inside the caller's jurisdiction; otherwise `record.notFound` on projectId. */
async function entryProject(deps: Deps, p: Principal, projectId: string) {
  const project = await deps.store.get<FundProjectRecord>('fund', projectId);
  if (!project?.unitPath?.startsWith(await listScope(deps, p, undefined))) {
    throw new EdgeError('record.notFound', `no fund project ${projectId} in your jurisdiction`, {
      field: 'projectId',
    });
  }
  return project;
}

/**
 * Records one ledger entry and moves its project's totals, in one transaction at the project's version.
 * Two entries racing on one project: the loser re-reads the project and tries again (an entry does not
 * depend on the totals it moves, so a retry is always right).
 */
async function recordEntry(
  deps: Deps,
  p: Principal,
  input: EntryInput,
  idem: IdemRef | null,
): Promise<StoredResponse<FundEntry>> {
  const nk = naturalKeyOf('fund_entry', input.source, input.externalId);
  for (let attempt = 1; ; attempt++) {
    const before = await entryProject(deps, p, input.projectId);
    const dup = await naturalDuplicate(deps, nk);
    if (dup) return dup;
    const at = await nowIso(deps);
    const entry: FundEntry = {
      id: deps.newId(),
      projectId: input.projectId,
      unitId: before.data.unitId,
      kind: input.kind,
      amountFen: input.amountFen,
      date: input.date,
      note: input.note,
      source: input.source,
      externalId: input.externalId ?? null,
      recordedAt: at,
      recordedBy: p.id,
    };
    const after = applyFundEntry(before.data, entry);
    const actor = actorOf(p, ENTRY_WRITERS);
    const unitPath = before.unitPath ?? '';
    const tx = new Tx(deps.tableName);
    deps.store.write(tx, {
      type: 'fund_entry',
      id: entry.id,
      before: null,
      data: entry,
      index: entryIndex(entry, unitPath),
      actor,
      at,
      action: `fund.${entry.kind}`,
    });
    deps.store.write(tx, {
      type: 'fund',
      id: before.id,
      before,
      data: after,
      index: projectIndex(after, unitPath),
      actor,
      at,
      action: `fund.${entry.kind}`,
      reason: entry.note || null,
    });
    if (nk) putNaturalKey(tx, 'nk', 'fund_entry', nk.source, nk.externalId, entry.id);
    try {
      return await commitCreate(deps, tx, [], { status: 201, body: entry }, idem, nk);
    } catch (e) {
      const raced =
        e instanceof TxCancelled && e.failedLabels().includes(`record:${keys.recordKey('fund', before.id)}`);
      if (!raced || attempt >= MAX_ATTEMPTS) throw e;
    }
  }
}

export async function createFundEntry(
  deps: Deps,
  p: Principal,
  input: EntryInput,
  idem: IdemRef | null,
): Promise<StoredResponse<FundEntry>> {
  const first = await replay<FundEntry>(deps, idem);
  if (first) return first;
  assertRole(p, ENTRY_WRITERS, 'record fund entries');
  return recordEntry(deps, p, input, idem);
}

/**
 * A batch of entries, answered item by item. Chosen: each entry is its own transaction, in order —
 * entries of one project all move the same project item, which one transaction may not write twice,
 * and a ledger is read in the order it was written.
 */
export async function ingestFundEntries(
  deps: Deps,
  p: Principal,
  raw: unknown[],
): Promise<BatchItemResult[]> {
  assertRole(p, ENTRY_WRITERS, 'record fund entries');
  const results: BatchItemResult[] = new Array(raw.length);
  const valid = await validItems(raw, fundEntryInputSchema, results, async (input, index) => {
    await entryProject(deps, p, input.projectId);
    return { index, input };
  });
  for (const { index, input } of valid) {
    try {
      const res = await recordEntry(deps, p, input, null);
      const body = res.body as { id?: string; duplicateOf?: string };
      results[index] = body.duplicateOf
        ? { index, status: 'duplicate', id: body.duplicateOf }
        : { index, status: 'accepted', id: String(body.id) };
    } catch (e) {
      const r = rejectionOf(e);
      if (!r) throw e;
      results[index] = { index, status: 'rejected', ...r };
    }
  }
  return results;
}

/* ------------------------------------------------------------------ the funds view */

/** Every project of a unit path's subtree (all pages). */
export async function projectsUnder(
  deps: Deps,
  unitPathPrefix: string | undefined,
  range: { from?: string; to?: string } = {},
): Promise<StoredRecord<FundProjectRecord>[]> {
  const out: StoredRecord<FundProjectRecord>[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.list<FundProjectRecord>('fund', {
      ...(unitPathPrefix ? { unitPathPrefix } : {}),
      limit: 1000,
      ...range,
      caller: SYSTEM_ACTOR.id,
      ...(cursor ? { cursor } : {}),
    });
    out.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return out;
}

/**
 * The projects of a subtree as their ledger stood at the end of a day: the opening allocation, plus
 * the entries dated on or before it (an entry counts by the day the money moved, whenever it was
 * recorded). For a bulletin of a past month, so later payments do not change its figures.
 */
export async function projectsAsOf(deps: Deps, unitPathPrefix: string, asOf: string): Promise<FundProject[]> {
  const projects = await projectsUnder(deps, unitPathPrefix);
  const entries = new Map<string, FundEntry[]>();
  let cursor: string | undefined;
  do {
    const page = await deps.store.list<FundEntry>('fund_entry', {
      unitPathPrefix,
      limit: 1000,
      caller: SYSTEM_ACTOR.id,
      ...(cursor ? { cursor } : {}),
    });
    for (const e of page.items)
      entries.set(e.data.projectId, [...(entries.get(e.data.projectId) ?? []), e.data]);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  const sum = (es: FundEntry[], kind: FundEntry['kind']) =>
    es.filter((e) => e.kind === kind).reduce((n, e) => n + e.amountFen, 0);
  return projects.map((s) => {
    const all = entries.get(s.id) ?? [];
    const upto = all.filter((e) => e.date <= asOf);
    const opening = s.data.allocatedFen - sum(all, 'allocation');
    return {
      ...ruleProject(s.data),
      allocatedFen: opening + sum(upto, 'allocation'),
      disbursedFen: sum(upto, 'disbursement'),
    };
  });
}

/** The funds view of a unit (your home unit by default) as of today in the scheme's zone. */
export async function fundsOfUnit(deps: Deps, p: Principal, unitId: string | undefined): Promise<FundsView> {
  const scopeUnit = unitId ?? p.unitId;
  const prefix = await writableUnitPath(deps, p, scopeUnit);
  const scheme = await deps.scheme();
  const tree = await deps.units.tree();
  const today = localDateOf(deps.clock(), scheme.timeZone);
  const records = await projectsUnder(deps, prefix);
  const v = fundsView(
    records.map((s) => ruleProject(s.data)),
    tree,
    scopeUnit,
    today,
    scheme,
  );
  const versions = new Map(records.map((s) => [s.id, s.version]));
  return {
    ...v,
    unitName: tree.byId.get(scopeUnit)?.name ?? scopeUnit,
    projects: v.projects.map((line) => ({ ...line, version: versions.get(line.id) ?? 1 })),
  };
}
