/**
 * The commit of a past-records import: every valid row written through the services live intake uses
 * (findings/, petitions/, signals/, indicators/ — their functions for past records), each record with
 * its natural key (records-kinds.ts says which), its past instants as the events' `occurredAt` (the
 * events' `at` is the server's now) and the import's note (file, SHA-256, sheet and row) as their
 * reason. Re-importing the same file creates nothing: every row is a duplicate of its first import.
 */
import {
  DomainError,
  formatInstant,
  petitionInputSchema,
  type Satisfaction,
  type Scheme,
  startOfLocalDay,
  type Unit,
  type UnitTree,
} from '@jiandu/shared';
import type { Deps } from '../app/deps.js';
import { EdgeError } from '../app/edge-error.js';
import type { Principal } from '../auth/principal.js';
import { pastFindingWrite } from '../services/findings/findings.js';
import { indicatorCreation, PAST_INDICATOR_SOURCE } from '../services/indicators/indicators.js';
import { intakeOf, receivePetitionOnce } from '../services/petitions/intake.js';
import { type PetitionActionName, writePetitionStep } from '../services/petitions/petitions.js';
import { loadPetition } from '../services/petitions/records.js';
import { commitBatch, type ItemWrite } from '../services/records/commit.js';
import { inPool } from '../services/records/concurrency.js';
import { naturalOriginal } from '../services/records/natural-keys.js';
import { ingestCandidates, keyedCandidate, type SignalCandidate } from '../services/signals/intake.js';
import { keys, type RecordType } from '../store/keys.js';
import type { Actor } from '../store/record-store.js';
import type { FindingRow, IndicatorRow, PetitionRow, SignalRow } from './records-kinds.js';

export type Outcome = { status: 'created' | 'duplicate'; id: string } | { status: 'conflict' };

export interface CommitContext {
  deps: Deps;
  p: Principal;
  actor: Actor;
  at: string;
  scheme: Scheme;
  tree: UnitTree<Unit>;
  unitPathOf: (unitId: string) => string;
  /** The import's note for a row (the events' reason). */
  noteOf: (line: number) => string;
}

export interface Valid<R> {
  line: number;
  row: R;
}

interface Keyed {
  line: number;
  nk: { type: RecordType; source: string; externalId: string };
  item: () => ItemWrite<string>;
}

/**
 * Items with natural keys: a stored key is a duplicate of its record, a key repeated in the file a
 * duplicate of its first row; the rest committed together (commitBatch: records, events, markers and
 * folded aggregate deltas per transaction). A key taken meanwhile makes the row a duplicate.
 */
async function commitKeyed(deps: Deps, entries: Keyed[]): Promise<Map<number, Outcome>> {
  const out = new Map<number, Outcome>();
  const nkItem = (e: Keyed) => keys.natural(e.nk.type, e.nk.source, e.nk.externalId);
  const stored = await deps.store.itemsByKey(entries.map(nkItem));
  const first = new Map<string, number>();
  const writes: { line: number; item: ItemWrite<string> }[] = [];
  const followers: { line: number; of: number }[] = [];
  for (const e of entries) {
    const pk = nkItem(e).pk;
    const existing = stored.get(pk)?.recordId;
    if (typeof existing === 'string') out.set(e.line, { status: 'duplicate', id: existing });
    else if (first.has(pk)) followers.push({ line: e.line, of: first.get(pk)! });
    else {
      first.set(pk, e.line);
      writes.push({ line: e.line, item: e.item() });
    }
  }
  const committed = await commitBatch(
    deps,
    writes.map((w) => w.item),
  );
  for (const [k, w] of writes.entries()) {
    const o = committed[k]!;
    if (o.ok) out.set(w.line, { status: 'created', id: o.result });
    else {
      const e = entries.find((x) => x.line === w.line)!;
      const id = await naturalOriginal(deps, e.nk.type, e.nk.source, e.nk.externalId);
      out.set(w.line, id ? { status: 'duplicate', id } : { status: 'conflict' });
    }
  }
  for (const f of followers) {
    const o = out.get(f.of);
    out.set(
      f.line,
      o && o.status !== 'conflict' ? { status: 'duplicate', id: o.id } : { status: 'conflict' },
    );
  }
  return out;
}

export function commitFindings(c: CommitContext, rows: Valid<FindingRow>[]): Promise<Map<number, Outcome>> {
  return commitKeyed(
    c.deps,
    rows.map(({ line, row }) => ({
      line,
      nk: { type: 'finding', source: row.source, externalId: row.externalId },
      item: () => {
        const w = pastFindingWrite(
          c.deps,
          row,
          c.unitPathOf(row.unitId),
          c.scheme,
          c.actor,
          c.at,
          c.noteOf(line),
        );
        return { ...w, result: w.result.id };
      },
    })),
  );
}

export function commitIndicators(
  c: CommitContext,
  rows: Valid<IndicatorRow>[],
): Promise<Map<number, Outcome>> {
  const tz = c.scheme.timeZone;
  return commitKeyed(
    c.deps,
    rows.map(({ line, row }) => ({
      line,
      nk: { type: 'indicator', source: PAST_INDICATOR_SOURCE, externalId: row.externalId },
      item: () => {
        const { externalId, lastActualDay, ...fields } = row;
        const occurredAt = lastActualDay ? formatInstant(startOfLocalDay(lastActualDay, tz), tz) : null;
        const w = indicatorCreation(
          c.deps,
          { ...fields, id: c.deps.newId() },
          c.unitPathOf(row.unitId),
          c.actor,
          c.at,
          { occurredAt, externalId, note: c.noteOf(line) },
        );
        return { ...w, result: w.result.id };
      },
    })),
  );
}

/** Signals; one published wholly before its unit's go-live raises no alert or task now (records.ts). */
export async function commitSignals(
  c: CommitContext,
  rows: Valid<SignalRow>[],
): Promise<Map<number, Outcome>> {
  const _tz = c.scheme.timeZone;
  const candidates: SignalCandidate[] = [];
  for (const { line, row } of rows) {
    const base = await keyedCandidate(c.deps, c.p, line, row);
    candidates.push({ ...base, past: { occurredAt: row.publishedAt, note: c.noteOf(line) } });
  }
  const received = await ingestCandidates(c.deps, c.p, candidates, null);
  const out = new Map<number, Outcome>();
  for (const { line } of rows) {
    const r = received.get(line);
    out.set(
      line,
      !r || r.kind === 'replayed'
        ? { status: 'conflict' }
        : { status: r.kind === 'accepted' ? 'created' : 'duplicate', id: r.id },
    );
  }
  return out;
}

const ORDER: Record<string, number> = { received: 0, accepted: 1, not_accepted: 1, handled: 2, closed: 3 };

/** The steps of a row still to write on a petition in `state` (a commit cut short resumes here). */
function stepsAfter(row: PetitionRow, state: string) {
  const s = row.steps;
  const all: {
    action: PetitionActionName;
    at: string;
    order: number;
    reason?: string;
    satisfaction?: Satisfaction;
  }[] = [
    ...(s.accept ? [{ action: 'accept' as const, at: s.accept.instant, order: 1 }] : []),
    ...(s.notAccept
      ? [{ action: 'notAccept' as const, at: s.notAccept.at.instant, order: 1, reason: s.notAccept.reason }]
      : []),
    ...(s.handle ? [{ action: 'handle' as const, at: s.handle.instant, order: 2 }] : []),
    ...(s.close
      ? [{ action: 'close' as const, at: s.close.at.instant, order: 3, satisfaction: s.close.satisfaction }]
      : []),
  ];
  return all.filter((x) => x.order > (ORDER[state] ?? 3));
}

async function writeSteps(c: CommitContext, id: string, row: PetitionRow, line: number): Promise<void> {
  const l = await loadPetition(c.deps, id);
  if (!l) return;
  let current = l;
  for (const step of stepsAfter(row, l.rec.data.state)) {
    const stored = await writePetitionStep(
      c.deps,
      current,
      step.action,
      {
        ...(step.reason !== undefined ? { reason: step.reason } : {}),
        ...(step.satisfaction !== undefined ? { satisfaction: step.satisfaction } : {}),
      },
      { id: c.p.id, role: 'supervisor' },
      c.at,
      { occurredAt: step.at, note: c.noteOf(line) },
    );
    current = { rec: stored, sealed: current.sealed };
  }
}

/**
 * Petitions, each received through the live intake's code (its identity sealed and keyed exactly as
 * there, its repeat and escalation classified), then its past steps written one event each. A
 * petitioner's petitions go in the order received (each classified against the ones before), different
 * petitioners side by side. A duplicate whose stored steps lag the row's (a commit cut short) is
 * completed; one that went further is left as it is.
 */
export async function commitPetitions(
  c: CommitContext,
  rows: Valid<PetitionRow>[],
): Promise<Map<number, Outcome>> {
  const out = new Map<number, Outcome>();
  const entries: {
    line: number;
    row: PetitionRow;
    key: string;
    intake: Awaited<ReturnType<typeof intakeOf>>;
  }[] = [];
  for (const { line, row } of rows) {
    const intake = await intakeOf(c.deps, c.p, petitionInputSchema.parse(row.input), c.tree, c.scheme);
    entries.push({ line, row, key: intake.petitionerKey, intake });
  }
  const groups = new Map<string, typeof entries>();
  for (const e of entries) groups.set(e.key, [...(groups.get(e.key) ?? []), e]);
  await inPool([...groups.values()], 8, async (group) => {
    group.sort((a, b) => Date.parse(a.row.input.receivedAt) - Date.parse(b.row.input.receivedAt));
    for (const e of group) {
      const { channel, externalId } = e.row.input;
      let id = await naturalOriginal(c.deps, 'petition', channel, externalId);
      let status: 'created' | 'duplicate' = 'duplicate';
      if (!id) {
        const sealed = await c.deps.pii.seal(e.intake.input.petitioner);
        const r = await receivePetitionOnce(c.deps, c.p, e.intake, sealed, null, {
          occurredAt: e.row.input.receivedAt,
          note: c.noteOf(e.line),
        });
        if (r.kind === 'replayed') {
          out.set(e.line, { status: 'conflict' });
          continue;
        }
        id = r.id;
        status = r.kind === 'accepted' ? 'created' : 'duplicate';
      }
      try {
        await writeSteps(c, id, e.row, e.line);
        out.set(e.line, { status, id });
      } catch (err) {
        if (!(err instanceof DomainError) && !(err instanceof EdgeError)) throw err;
        // Changed meanwhile by someone else (a 409, a transition it no longer allows): left as it is.
        out.set(e.line, status === 'created' ? { status, id } : { status: 'conflict' });
      }
    }
  });
  return out;
}
