import {
  type AccountabilityCase,
  allowedCaseActions,
  applyCaseAction,
  type CaseAction,
  type CaseSubject,
  type CaseTrigger,
  caseLight,
  type Light,
  type Scheme,
} from '@jiandu/shared';
import { type CaseView, caseStepBodies, type ListQuery } from '@jiandu/shared/api';
import { type Deps, nowIso } from '../../app/deps.js';
import { assertCan, type Principal } from '../../auth/principal.js';
import { addToOutbox, caseNotification, OUTBOX_TX_ITEMS } from '../../outbox/notification.js';
import { keys } from '../../store/keys.js';
import type { Actor, RecordIndex, StoredRecord } from '../../store/record-store.js';
import { Tx } from '../../store/tx.js';
import { readVisible } from '../org/jurisdiction.js';
import { namesOf } from '../org/names.js';
import { assertVersion, commitOrConflict } from '../records/conflict.js';
import { dataFilter, listRecords } from '../records/lists.js';

/** A case's index entries: the jurisdiction and due lists, by unit (no state partition: nothing reads one). */
export const caseIndex = (c: AccountabilityCase, unitPath: string): RecordIndex => ({
  unitPath,
  listSort: c.proposedAt,
  unit: { unitId: c.trigger.unitId, sort: c.proposedAt },
  extra: { state: c.state, triggerKind: c.trigger.kind },
});

/** A case the rules propose (for its trigger's leaders, `subjects`), before anyone has looked at it. */
export function proposedCase(
  id: string,
  triggerKey: string,
  trigger: CaseTrigger,
  subjects: CaseSubject[],
  at: string,
  /** The day its decision is due (caseDecideBy: the scheme's `lights.caseDecide` from the day proposed). */
  decideBy: string,
): AccountabilityCase {
  return {
    id,
    triggerKey,
    trigger,
    subjects,
    state: 'proposed',
    form: null,
    decisionNote: null,
    dismissReason: null,
    proposedAt: at,
    decideBy,
    version: 1,
  };
}

/** Transaction items a proposal adds (record, event, trigger marker, its notification). */
export const PROPOSAL_TX_ITEMS = 3 + OUTBOX_TX_ITEMS;

/**
 * Adds a proposal to `tx`: the case record with its event and the trigger marker, put only if absent,
 * so the same trigger never proposes twice (a second proposal cancels the transaction). For the sweeps
 * and the publication of rankings.
 */
export function writeCaseProposal(
  deps: Deps,
  tx: Tx,
  c: AccountabilityCase,
  unitPath: string,
  actor: Actor,
  at: string,
  labelPrefix = '',
): void {
  deps.store.write(tx, {
    type: 'case',
    id: c.id,
    before: null,
    data: c,
    index: caseIndex(c, unitPath),
    actor,
    at,
    action: 'case.propose',
    labelPrefix,
  });
  tx.putNew(`${labelPrefix}trigger:${c.triggerKey}`, { ...keys.trigger('case', c.triggerKey), caseId: c.id });
  addToOutbox(tx, caseNotification(c), labelPrefix);
}

export type { CaseView };

/** What a case's view needs beside the case: the subjects' names, and now and the scheme (its light). */
interface ViewContext {
  names: Map<string, string>;
  at: string;
  scheme: Scheme;
}

const viewOf = (c: AccountabilityCase, p: Principal, ctx: ViewContext): CaseView => ({
  ...c,
  subjects: c.subjects.map((s) => ({ ...s, personName: ctx.names.get(s.personId) ?? null })),
  allowedActions: allowedCaseActions(c, p.roles),
  light: caseLight(c, ctx.at, ctx.scheme),
});

/** The subjects' names, for cases in an answer (one read for them all), with now and the scheme. */
const subjectNames = async (deps: Deps, cases: readonly AccountabilityCase[]): Promise<ViewContext> => ({
  names: await namesOf(
    deps,
    'person',
    cases.flatMap((c) => c.subjects.map((s) => s.personId)),
  ),
  at: await nowIso(deps),
  scheme: await deps.scheme(),
});

const assertReader = (p: Principal) => assertCan(p, 'case.read');

async function readCase(deps: Deps, p: Principal, id: string): Promise<StoredRecord<AccountabilityCase>> {
  assertReader(p);
  return readVisible<AccountabilityCase>(deps, p, 'case', id);
}

export async function getCase(deps: Deps, p: Principal, id: string): Promise<CaseView> {
  const c = (await readCase(deps, p, id)).data;
  return viewOf(c, p, await subjectNames(deps, [c]));
}

export async function listCases(
  deps: Deps,
  p: Principal,
  q: ListQuery & {
    light?: Light | undefined;
    trigger?: AccountabilityCase['trigger']['kind'] | undefined;
    sort?: 'deadline' | undefined;
  },
) {
  assertReader(p);
  const page = await listRecords<AccountabilityCase>(
    deps,
    p,
    'case',
    q,
    dataFilter(['trigger', 'kind'], q.trigger),
  );
  const names = await subjectNames(deps, page.items);
  const items = page.items.map((c) => viewOf(c, p, names));
  // The light filter is applied to the page read (a light is derived now, not stored): a page may hold
  // fewer items than asked while its cursor goes on. Chosen over a light index, which would need rewriting
  // every day as lights change; the lists engineer's per-state keys narrow it further.
  return { items: q.light ? items.filter((c) => c.light === q.light) : items, cursor: page.cursor };
}

export { caseStepBodies as caseActionBodies };

/** One step of the case workflow, conditioned on the version the caller read. */
export async function actOnCase(
  deps: Deps,
  p: Principal,
  id: string,
  expectedVersion: number,
  action: CaseAction,
  note: string | null = null,
): Promise<CaseView> {
  const before = await readCase(deps, p, id);
  const names = await subjectNames(deps, [before.data]);
  assertVersion(expectedVersion, before, () => viewOf(before.data, p, names));
  const after = applyCaseAction(before.data, action, p.roles);
  const tx = new Tx(deps.tableName);
  const { stored } = deps.store.write(tx, {
    type: 'case',
    id,
    before,
    data: { ...after, version: before.version + 1 },
    index: caseIndex(after, before.unitPath ?? ''),
    actor: { id: p.id, role: 'inspector' },
    at: await nowIso(deps),
    action: `case.${action.type}`,
    reason: action.type === 'dismiss' ? action.reason : note,
  });
  await commitOrConflict(
    () => tx.commit(deps.doc),
    async () => {
      const now = await deps.store.get<AccountabilityCase>('case', id);
      return now ? viewOf(now.data, p, names) : null;
    },
  );
  return viewOf(stored.data, p, names);
}
