/**
 * 公示与异议 (DESIGN §4.2), the store side of notice/ in the core: a quarter's draft of one peer group is
 * put on notice (frozen, hashed) for the scheme's working days; the group's units read it with every
 * breakdown; a unit's officers and leaders object to an input of their own score, with evidence; a
 * reviewer outside the unit's subtree decides. Every step is an event: the notice's chain records its
 * start, each objection filed, each correction (an upheld objection) and its publication; each
 * objection's own chain records its filing and decision. Publication is publication.ts's.
 */
import {
  assertQuarterEnded,
  DomainError,
  decideObjection as decideInCore,
  fileObjection as fileInCore,
  localDateOf,
  type Notice,
  noticeChanges,
  noticeOpen,
  noticePeriodOf,
  noticeWithObjection,
  type Objection,
  startNotice as startInCore,
} from '@jiandu/shared';
import type {
  DecideObjectionRequest,
  FileObjectionRequest,
  NoticeList,
  NoticeView,
  ObjectionList,
} from '@jiandu/shared/api';
import type { Deps } from '../../app/deps.js';
import { EdgeError, notFound } from '../../app/edge-error.js';
import { actingRole, type Principal } from '../../auth/principal.js';
import { evidenceEntries, requireUploaded } from '../../evidence/uploaded.js';
import { keys, partitions } from '../../store/keys.js';
import { type Actor, RecordStore, type StoredRecord } from '../../store/record-store.js';
import { getItem, readPartition } from '../../store/table-ops.js';
import { Tx, TxCancelled } from '../../store/tx.js';
import { scopeOf } from '../org/jurisdiction.js';
import { groupInputs, type PeerGroup, rankInputs, readAggregates, visibleGroup } from './rankings.js';

/** The notice of a quarter and group (through its marker beside the publications), or null. */
export async function noticeOf(
  deps: Deps,
  quarter: string,
  groupKey: string,
): Promise<StoredRecord<Notice> | null> {
  const marker = await getItem(deps, keys.noticeOf(quarter, groupKey));
  if (!marker) return null;
  return deps.store.get<Notice>('notice', String(marker.noticeId));
}

const noticeIndex = (n: Notice, parentPath: string) => ({
  unitPath: parentPath,
  listSort: `${n.quarter}#${n.groupKey}`,
  state: { state: n.state, sort: `${n.quarter}#${n.groupKey}` },
});

/** Writes a changed notice (versioned) into `tx`. */
export async function writeNotice(
  deps: Deps,
  tx: Tx,
  before: StoredRecord<Notice>,
  data: Notice,
  actor: Actor,
  at: string,
  action: string,
  event?: { before: unknown; after: unknown; reason?: string | null },
): Promise<StoredRecord<Notice>> {
  const parentPath = (await deps.units.pathOf(data.group.parentUnitId)) ?? '';
  return deps.store.write(tx, {
    type: 'notice',
    id: data.id,
    before,
    data,
    index: noticeIndex(data, parentPath),
    actor,
    at,
    action,
    ...(event ? { eventBefore: event.before, eventAfter: event.after, reason: event.reason ?? null } : {}),
  }).stored;
}

async function commit(deps: Deps, tx: Tx): Promise<void> {
  try {
    await tx.commit(deps.doc);
  } catch (e) {
    if (e instanceof TxCancelled)
      throw new EdgeError('conflict.version', 'the notice changed meanwhile: read it again and retry');
    throw e;
  }
}

/**
 * Puts a quarter's draft of a group on notice (a supervisor, or the schedule with p null). Refused when
 * the scheme sets no notice period (`notice.notConfigured`), before the quarter ended, when the group
 * is already on notice or published.
 */
export async function startNotice(
  deps: Deps,
  p: Principal | null,
  quarter: string,
  groupKey: string,
  at: string,
): Promise<StoredRecord<Notice>> {
  const g: PeerGroup = await visibleGroup(deps, p, groupKey);
  const scheme = await deps.scheme();
  const rule = noticePeriodOf(scheme);
  if (!rule) throw new DomainError('notice.notConfigured', 'the scheme sets no notice period');
  const today = localDateOf(at, scheme.timeZone);
  assertQuarterEnded(quarter, today);
  if (p) {
    actingRole(p, 'ranking.notice');
    const parent = (await deps.units.pathOf(g.group.parentUnitId)) ?? '';
    if (!parent.startsWith(await scopeOf(deps, p)))
      throw new EdgeError('auth.forbidden', 'the group’s parent unit is outside your jurisdiction', {
        field: 'groupKey',
      });
  }
  const published = await deps.store.queryIndex(partitions.snapshots(quarter, g.groupKey));
  if (published.length > 0)
    throw new DomainError('ranking.alreadyPublished', `${quarter} is already published`);
  const inputs = groupInputs(g, quarter, await readAggregates(deps, quarter));
  const notice = startInCore({
    id: deps.newId(),
    groupKey: g.groupKey,
    ranking: rankInputs(g, quarter, inputs, scheme),
    inputs,
    startedAt: at,
    startedOn: today,
    startedBy: p?.id ?? 'system',
    workingDays: rule.workingDays,
    calendar: scheme.calendar,
  });
  const actor: Actor = p ? { id: p.id, role: 'supervisor' } : { id: 'system', role: 'system' };
  const tx = new Tx(deps.tableName);
  const parentPath = (await deps.units.pathOf(g.group.parentUnitId)) ?? '';
  const { stored } = deps.store.write(tx, {
    type: 'notice',
    id: notice.id,
    before: null,
    data: notice,
    index: noticeIndex(notice, parentPath),
    actor,
    at,
    action: 'ranking.notice',
  });
  tx.putNew('notice', { ...keys.noticeOf(quarter, g.groupKey), noticeId: notice.id });
  try {
    await tx.commit(deps.doc);
  } catch (e) {
    if (e instanceof TxCancelled && e.failedLabels().includes('notice'))
      throw new DomainError('notice.alreadyOnNotice', `${quarter} ${g.groupKey} is already on notice`);
    throw e;
  }
  return stored;
}

/** A notice the caller may see: its group is visible to them (404 otherwise, as a missing one). */
async function visibleNotice(deps: Deps, p: Principal, id: string): Promise<StoredRecord<Notice>> {
  const n = await deps.store.get<Notice>('notice', id);
  if (!n) throw notFound('notice');
  await visibleGroup(deps, p, n.data.groupKey).catch(() => {
    throw notFound('notice');
  });
  return n;
}

async function objectionsOf(deps: Deps, n: Notice): Promise<StoredRecord<Objection>[]> {
  const all = await Promise.all(n.objections.map((o) => deps.store.get<Objection>('objection', o.id)));
  return all.filter((o): o is StoredRecord<Objection> => o !== null);
}

/**
 * The notice with the objections the caller may see — chosen: those of units in their jurisdiction (a
 * unit officer sees their own unit's, a county reviewer or supervisor all of the county's); every unit
 * of the group sees every row's breakdown, and how many objections wait, but not another unit's reasons
 * and evidence before publication.
 */
export async function noticeView(deps: Deps, p: Principal | null, n: Notice): Promise<NoticeView> {
  const scheme = await deps.scheme();
  const today = localDateOf(await deps.clock(), scheme.timeZone);
  const scope = p ? await scopeOf(deps, p) : '';
  const objections = (await objectionsOf(deps, n))
    .filter((o) => (o.unitPath ?? '').startsWith(scope))
    .map((o) => o.data);
  return {
    notice: n,
    objections,
    changes: noticeChanges(n.ranking, n.current),
    open: n.state === 'on_notice' && noticeOpen(n.endsOn, today),
  };
}

export async function getNotice(deps: Deps, p: Principal, id: string): Promise<NoticeView> {
  return noticeView(deps, p, (await visibleNotice(deps, p, id)).data);
}

/** Heads of the notices of a quarter whose groups the caller sees. */
export async function listNotices(
  deps: Deps,
  p: Principal,
  quarter: string,
  groupKey?: string,
): Promise<NoticeList> {
  const items = await readPartition(deps, partitions.list('notice'), {
    skPrefix: `${quarter}#${groupKey ? `${groupKey}#` : ''}`,
  });
  const out: NoticeList['items'] = [];
  for (const item of items) {
    const n = RecordStore.fromItem<Notice>(item).data;
    const seen = await visibleGroup(deps, p, n.groupKey).then(
      () => true,
      () => false,
    );
    if (!seen) continue;
    const pending = n.objections.filter((o) => o.state === 'pending').length;
    out.push({
      id: n.id,
      quarter: n.quarter,
      group: n.group,
      groupKey: n.groupKey,
      state: n.state,
      startedAt: n.startedAt,
      endsOn: n.endsOn,
      pending,
      decided: n.objections.length - pending,
      publishedSnapshotId: n.publishedSnapshotId,
    });
  }
  return { quarter, items: out };
}

const objectionIndex = (o: Objection, unitPath: string) => ({
  unitPath,
  // The reviewer's queue: objections of a state, keyed by the unit's path, so a reviewer reads exactly
  // the objections of their jurisdiction (a prefix of the sort key), whatever the rest of the country's.
  state: { state: o.state, sort: `${unitPath}#${o.filedAt}` },
  unit: { unitId: o.unitId, sort: o.filedAt },
});

/** Files an objection of the caller's own unit against the notice (DESIGN §4.2). */
export async function fileObjection(
  deps: Deps,
  p: Principal,
  noticeId: string,
  body: FileObjectionRequest,
  at: string,
): Promise<Objection> {
  const role = actingRole(p, 'ranking.object');
  const n = await visibleNotice(deps, p, noticeId);
  const scheme = await deps.scheme();
  const files = body.evidence ?? [];
  await requireUploaded(deps, p.id, files, 'evidence');
  const objection = fileInCore({
    id: deps.newId(),
    notice: n.data,
    today: localDateOf(at, scheme.timeZone),
    at,
    filer: { id: p.id, roles: p.roles, homeUnitId: p.unitId },
    unitId: body.unitId,
    dimension: body.dimension,
    input: body.input,
    claimedValue: body.claimedValue ?? null,
    reason: body.reason,
    evidence: evidenceEntries(deps, files, at, p.id),
  });
  const unitPath = (await deps.units.pathOf(objection.unitId)) ?? '';
  const actor: Actor = { id: p.id, role };
  const tx = new Tx(deps.tableName);
  deps.store.write(tx, {
    type: 'objection',
    id: objection.id,
    before: null,
    data: objection,
    index: objectionIndex(objection, unitPath),
    actor,
    at,
    action: 'objection.file',
    reason: objection.reason,
  });
  const listed = {
    id: objection.id,
    unitId: objection.unitId,
    dimension: objection.dimension,
    input: objection.input,
  };
  await writeNotice(deps, tx, n, noticeWithObjection(n.data, objection), actor, at, 'notice.objectionFiled', {
    before: null,
    after: listed,
  });
  await commit(deps, tx);
  return objection;
}

/** A reviewer outside the unit's subtree decides an objection in their jurisdiction (404 outside it). */
export async function decideObjection(
  deps: Deps,
  p: Principal,
  id: string,
  body: DecideObjectionRequest,
  at: string,
): Promise<NoticeView> {
  const role = actingRole(p, 'ranking.decideObjection');
  const o = await deps.store.get<Objection>('objection', id);
  const scope = await scopeOf(deps, p);
  if (!o || !(o.unitPath ?? '').startsWith(scope)) throw notFound('objection');
  const n = await deps.store.get<Notice>('notice', o.data.noticeId);
  if (!n) throw notFound('objection');
  const decided = decideInCore({
    notice: n.data,
    objection: o.data,
    objections: (await objectionsOf(deps, n.data)).map((x) => x.data),
    at,
    decider: { id: p.id, homePath: scope },
    unitPath: o.unitPath ?? '',
    outcome: body.outcome,
    reason: body.reason,
    correctedValue: body.correctedValue ?? null,
    scheme: await deps.scheme(),
  });
  const actor: Actor = { id: p.id, role };
  const tx = new Tx(deps.tableName);
  deps.store.write(tx, {
    type: 'objection',
    id,
    before: o,
    data: decided.objection,
    index: objectionIndex(decided.objection, o.unitPath ?? ''),
    actor,
    at,
    action: `objection.${body.outcome === 'upheld' ? 'uphold' : 'reject'}`,
    reason: decided.objection.decision?.reason ?? null,
  });
  // The correction is an event of the notice naming the input's value before and after — the frozen
  // draft itself is never edited (the core keeps corrections beside it).
  const correction = decided.notice.corrections.at(-1);
  const upheld = body.outcome === 'upheld' && correction !== undefined;
  await writeNotice(
    deps,
    tx,
    n,
    decided.notice,
    actor,
    at,
    upheld ? 'notice.correct' : 'notice.objectionRejected',
    upheld
      ? {
          before: {
            objectionId: id,
            unitId: correction.unitId,
            input: correction.input,
            value: correction.before,
          },
          after: {
            objectionId: id,
            unitId: correction.unitId,
            input: correction.input,
            value: correction.after,
          },
          reason: decided.objection.decision?.reason ?? null,
        }
      : { before: { objectionId: id, state: 'pending' }, after: { objectionId: id, state: 'rejected' } },
  );
  await commit(deps, tx);
  return noticeView(deps, p, decided.notice);
}

/** The reviewer's queue: objections of a state in the caller's jurisdiction, oldest first. */
export async function objectionQueue(
  deps: Deps,
  p: Principal,
  state: Objection['state'],
): Promise<ObjectionList> {
  const scope = await scopeOf(deps, p);
  const items = await readPartition(deps, partitions.byState('objection', state), { skPrefix: scope });
  const objections = items.map((i) => RecordStore.fromItem<Objection>(i).data);
  objections.sort((a, b) => (a.filedAt < b.filedAt ? -1 : a.filedAt > b.filedAt ? 1 : 0));
  return { items: objections };
}

/** An objection the caller may read: of a unit in their jurisdiction (404 otherwise). */
export async function getObjection(deps: Deps, p: Principal, id: string): Promise<Objection> {
  const o = await deps.store.get<Objection>('objection', id);
  if (!o || !(o.unitPath ?? '').startsWith(await scopeOf(deps, p))) throw notFound('objection');
  return o.data;
}
