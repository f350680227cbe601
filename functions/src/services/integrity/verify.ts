/**
 * Verify (DESIGN §5): every record's event chain recomputed with the core's `verifyChain`, and each state
 * item's head checked against its last event; the first broken link is named (record and seq). A digest
 * of all chain heads (the core's `digestOfHeads`) is appended, with the date, to an append-only file —
 * locally `<DATA_DIR>/digests.log` (S3 Object Lock in AWS).
 *
 * `verifyLedger` reads the whole table (`npm run verify`, and every full run). The daily verify in AWS is
 * incremental (verify-checkpoint.ts): only the records the change feed marked since the last run are read
 * and recomputed, the other heads carried from that run's checkpoint; `verifyRecords` is the part both
 * share, so a chain is judged the same way in either mode.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type ChainHead, digestOfHeads, formatInstant, type LedgerEvent, verifyChain } from '@jiandu/shared';
import type { Deps } from '../../app/deps.js';
import { keys, STATE_SK } from '../../store/keys.js';
import { scanTable, type TableRef } from '../../store/table-ops.js';

export interface BrokenLink {
  recordKey: string;
  seq: number;
  reason: string;
}

export interface VerifyReport {
  records: number;
  events: number;
  /** Every broken chain's first broken link, sorted by record key. */
  broken: BrokenLink[];
  heads: ChainHead[];
  digest: string;
}

/** The chain items read so far, by record: its events and its state item's head. */
export class ChainItems {
  readonly events = new Map<string, { sk: string; event: LedgerEvent }[]>();
  readonly states = new Map<string, { headSeq: number; headHash: string }>();
  eventCount = 0;

  /** Takes one item of the table (anything that is not a chain item is ignored). */
  add(item: Record<string, unknown>): void {
    const pk = String(item.pk);
    const sk = String(item.sk);
    if (sk.startsWith(keys.eventPrefix)) {
      const { pk: _pk, sk: _sk, ...event } = item;
      const list = this.events.get(pk) ?? [];
      list.push({ sk, event: event as LedgerEvent });
      this.events.set(pk, list);
      this.eventCount++;
    } else if (sk === STATE_SK && item.headSeq !== undefined) {
      this.states.set(pk, { headSeq: Number(item.headSeq), headHash: String(item.headHash) });
    }
  }

  get recordKeys(): Set<string> {
    return new Set([...this.events.keys(), ...this.states.keys()]);
  }
}

/** Scans every record partition and verifies each chain. */
export async function verifyLedger(deps: TableRef): Promise<VerifyReport> {
  const items = new ChainItems();
  await scanTable(deps, (item) => items.add(item));
  const { broken, heads } = verifyRecords(items, items.recordKeys);
  return {
    records: items.states.size,
    events: items.eventCount,
    broken: sortBroken(broken),
    heads,
    digest: digestOfHeads(heads),
  };
}

export const sortBroken = (broken: BrokenLink[]): BrokenLink[] =>
  broken.sort((a, b) => (a.recordKey < b.recordKey ? -1 : a.recordKey > b.recordKey ? 1 : a.seq - b.seq));

/** Verifies the chains of `recordKeys` from the items read: each one's head, or its first broken link. */
export function verifyRecords(
  items: ChainItems,
  recordKeys: Iterable<string>,
): { broken: BrokenLink[]; heads: ChainHead[] } {
  const { events, states } = items;
  const broken: BrokenLink[] = [];
  const heads: ChainHead[] = [];
  for (const recordKey of recordKeys) {
    // In storage order (the sort key carries the seq the event was written under).
    const chain = (events.get(recordKey) ?? [])
      .sort((a, b) => (a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0))
      .map((e) => e.event);
    const v = verifyChain(chain, recordKey);
    if (!v.ok) {
      broken.push({ recordKey, seq: v.seq, reason: v.reason });
      continue;
    }
    const state = states.get(recordKey);
    // The state item names the head it was written with: a lost or extra event shows here.
    if (state && (v.head?.seq !== state.headSeq || v.head.hash !== state.headHash)) {
      const seq = v.head?.seq ?? 0;
      // A missing event, an extra one, or a chain rewritten whole (its last hash differs).
      const at = seq < state.headSeq ? seq + 1 : seq > state.headSeq ? state.headSeq + 1 : seq;
      broken.push({ recordKey, seq: at, reason: 'head' });
      continue;
    }
    if (v.head) heads.push(v.head);
  }
  return { broken, heads };
}

/** One line of the digest log: date, digest, heads, verdict (tab-separated). */
export const digestLine = (atMs: number, timeZone: string, r: VerifyReport): string =>
  `${formatInstant(atMs, timeZone)}\tsha256:${r.digest}\theads:${r.heads.length}\t${r.broken.length === 0 ? 'verified' : `broken:${r.broken.length}`}\n`;

/** Appends to the digest log (opened in append mode: earlier lines are never rewritten). */
export async function appendDigest(file: string, line: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await appendFile(file, line, { flag: 'a', mode: 0o600 });
}

/** Prints the verdict; returns the exit code (1 when a link is broken). */
export async function runVerify(
  deps: Deps,
  digestFile: string,
  print: (line: string) => void = console.log,
): Promise<number> {
  const report = await verifyLedger(deps);
  await appendDigest(digestFile, digestLine(deps.clock(), (await deps.scheme()).timeZone, report));
  print(`records: ${report.records}, events: ${report.events}, digest: ${report.digest}`);
  const first = report.broken[0];
  if (first) {
    print(`BROKEN: ${first.recordKey} at seq ${first.seq} (${first.reason})`);
    if (report.broken.length > 1) print(`… and ${report.broken.length - 1} more broken chain(s)`);
    return 1;
  }
  print('every chain verifies');
  return 0;
}
