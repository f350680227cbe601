/**
 * Findings (督查发现): an inspector logs one (or a system ingests many); each opens a rectification in
 * the same transaction, with the finding's and the rectification's aggregates.
 */
import {
  computeDeadline,
  type Finding,
  type FindingInput,
  findingFacts,
  findingInputSchema,
  formatInstant,
  localDateOf,
  newRectification,
  type Scheme,
  startOfLocalDay,
} from '@jiandu/shared';
import type * as z from '@jiandu/shared/zod';
import { type Deps, nowIso } from '../../app/deps.js';
import { EdgeError } from '../../app/edge-error.js';
import { assertCan, type Principal } from '../../auth/principal.js';
import { evidenceEntries, requireUploaded } from '../../evidence/uploaded.js';
import type { Actor } from '../../store/record-store.js';
import { Tx } from '../../store/tx.js';
import { writableUnitPath } from '../org/jurisdiction.js';
import { commitBatch, type ItemWrite } from '../records/commit.js';
import { type IdemRef, replay, type StoredResponse } from '../records/idempotency.js';
import {
  type BatchItemResult,
  commitCreate,
  naturalDuplicate,
  naturalKeyOf,
  validItems,
} from '../records/ingest.js';
import { checkLiveInstant } from '../records/live-instants.js';
import { naturalOriginal, putNaturalKey } from '../records/natural-keys.js';
import { rectificationCreation } from '../rectifications/create.js';

type ParsedFinding = z.output<typeof findingInputSchema>;

const findingIndex = (f: Finding, unitPath: string) => ({
  unitPath,
  listSort: f.discoveredOn,
  unit: { unitId: f.unitId, sort: f.discoveredOn },
  extra: { category: f.category, severity: f.severity, source: f.source },
});

/** How a finding is written: live (an inspector, now) or from the past (an import, `occurredAt`). */
interface Writing {
  actor: Actor;
  at: string;
  /** When it was discovered, where it lies before `at` (the past-records import only). */
  occurredAt?: string;
  /** Whether the unit's officers are told the rectification was assigned (rectifications/create.ts). */
  notify: boolean;
  /** The events' reason: a past record names the import it came from (file, hash, row). */
  note?: string;
}

function prepare(
  deps: Deps,
  input: ParsedFinding,
  unitPath: string,
  scheme: Scheme,
  w: Writing,
): ItemWrite<Finding> {
  const { actor, at, occurredAt } = w;
  const id = deps.newId();
  const rectId = deps.newId();
  const deadline =
    input.deadline ??
    computeDeadline(input.discoveredOn, scheme.rectification.defaultDeadline, scheme.calendar);
  const { photos, ...fields } = input;
  const finding: Finding = {
    ...fields,
    id,
    inspectorId: actor.id,
    createdAt: at,
    rectificationId: rectId,
    // Named by the request, checked as the caller's own uploads before (requireUploaded).
    ...(photos?.length ? { photos: evidenceEntries(deps, photos, at, actor.id) } : {}),
  };
  const rect = rectificationCreation(
    deps,
    newRectification(
      {
        source: { kind: 'finding', id },
        unitId: input.unitId,
        title: input.description.slice(0, 500),
        description: input.description,
        amountFen: input.amountFen,
        deadline,
      },
      { id: rectId, at, by: actor.id },
    ),
    {
      unitPath,
      todayLocal: localDateOf(at, scheme.timeZone),
      actor,
      at,
      ...(occurredAt !== undefined ? { occurredAt } : {}),
      ...(w.note !== undefined ? { reason: w.note } : {}),
      action: 'rectification.create',
      notify: w.notify,
      // The natural key is the finding's: its rectification is created with it, never re-sent alone.
      naturalKey: null,
    },
  );
  return {
    result: finding,
    size: 2 + rect.size + (input.externalId ? 1 : 0),
    changes: [{ before: null, after: findingFacts(finding) }, ...rect.changes],
    write: (tx, prefix) => {
      deps.store.write(tx, {
        type: 'finding',
        id,
        before: null,
        data: finding,
        index: findingIndex(finding, unitPath),
        actor,
        at,
        ...(occurredAt !== undefined ? { occurredAt } : {}),
        action: 'finding.create',
        reason: w.note ?? null,
        labelPrefix: prefix,
      });
      rect.write(tx, prefix);
      if (input.externalId) {
        putNaturalKey(tx, `${prefix}nk`, 'finding', input.source, input.externalId, id);
      }
    },
  };
}

const assertInspector = (p: Principal) => assertCan(p, 'finding.create');

/** An inspector logging a finding now. */
const live = (p: Principal, at: string): Writing => ({
  actor: { id: p.id, role: 'inspector' },
  at,
  notify: true,
});

/**
 * A finding of the past (the past-records import): written exactly as a live one — its rectification
 * opened in the same transaction — with its discovery day as the events' `occurredAt` (the start of that
 * day in the scheme's zone). Chosen: the officers are not notified of rectifications assigned long ago
 * (a file of hundreds would flood their inbox, as the ledger import decided); the importer, acting as
 * supervisor, is the finding's `inspectorId` (who put it on record). `input.externalId` is its natural key.
 */
export function pastFindingWrite(
  deps: Deps,
  input: ParsedFinding & { externalId: string },
  unitPath: string,
  scheme: Scheme,
  actor: Actor,
  at: string,
  note: string,
): ItemWrite<Finding> {
  const occurredAt = formatInstant(startOfLocalDay(input.discoveredOn, scheme.timeZone), scheme.timeZone);
  return prepare(deps, input, unitPath, scheme, { actor, at, occurredAt, notify: false, note });
}

export async function createFinding(
  deps: Deps,
  p: Principal,
  input: ParsedFinding,
  idem: IdemRef | null,
): Promise<StoredResponse<Finding>> {
  const first = await replay<Finding>(deps, idem);
  if (first) return first;
  assertInspector(p);
  const unitPath = await writableUnitPath(deps, p, input.unitId);
  const scheme = await deps.scheme();
  checkLiveInstant(deps, scheme, await deps.units.tree(), input.unitId, 'discoveredOn', input.discoveredOn);
  await requireUploaded(deps, p.id, input.photos ?? [], 'photos');
  const at = await nowIso(deps);
  const nk = naturalKeyOf('finding', input.source, input.externalId);
  const dup = await naturalDuplicate(deps, nk);
  if (dup) return dup;
  const item = prepare(deps, input, unitPath, scheme, live(p, at));
  const tx = new Tx(deps.tableName);
  item.write(tx, 'i0:');
  return commitCreate(deps, tx, item.changes, { status: 201, body: item.result }, idem, nk);
}

export async function ingestFindings(deps: Deps, p: Principal, raw: unknown[]): Promise<BatchItemResult[]> {
  assertInspector(p);
  const scheme = await deps.scheme();
  const at = await nowIso(deps);
  const tree = await deps.units.tree();
  const results: BatchItemResult[] = new Array(raw.length);
  const valid = await validItems(raw, findingInputSchema, results, async (input, index) => {
    checkLiveInstant(deps, scheme, tree, input.unitId, 'discoveredOn', input.discoveredOn);
    await requireUploaded(deps, p.id, input.photos ?? [], 'photos');
    try {
      return { index, input, unitPath: await writableUnitPath(deps, p, input.unitId) };
    } catch (e) {
      // Any failure to resolve the unit rejects the item on its unitId.
      throw new EdgeError('unit.notFound', (e as Error).message, { field: 'unitId' });
    }
  });
  const writes: { index: number; item: ReturnType<typeof prepare>; input: ParsedFinding }[] = [];
  const seen = new Map<string, number>();
  for (const { index: i, input, unitPath } of valid) {
    const nk = input.externalId ? `${input.source}#${input.externalId}` : null;
    if (nk && seen.has(nk)) {
      writes.push({ index: i, item: undefined as never, input }); // resolved after commit
      continue;
    }
    if (nk) {
      const existing = await naturalOriginal(deps, 'finding', input.source, input.externalId!);
      if (existing) {
        results[i] = { index: i, status: 'duplicate', id: existing };
        continue;
      }
      seen.set(nk, i);
    }
    writes.push({ index: i, item: prepare(deps, input, unitPath, scheme, live(p, at)), input });
  }
  const real = writes.filter((w) => w.item);
  const outcomes = await commitBatch(
    deps,
    real.map((w) => w.item),
  );
  for (const [k, w] of real.entries()) {
    const o = outcomes[k]!;
    if (o.ok) results[w.index] = { index: w.index, status: 'accepted', id: o.result.id };
    else {
      const existing = w.input.externalId
        ? await naturalOriginal(deps, 'finding', w.input.source, w.input.externalId)
        : null;
      results[w.index] = existing
        ? { index: w.index, status: 'duplicate', id: existing }
        : { index: w.index, status: 'rejected', field: '', reason: 'conflict', code: 'conflict.version' };
    }
  }
  for (const w of writes.filter((x) => !x.item)) {
    const first = results[seen.get(`${w.input.source}#${w.input.externalId}`)!]!;
    results[w.index] =
      'id' in first ? { index: w.index, status: 'duplicate', id: first.id } : { ...first, index: w.index };
  }
  return results;
}

export type { FindingInput };
