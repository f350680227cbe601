/**
 * 工作台 (GET /api/v1/home): what each of the caller's roles looks at first, in one request. A section is
 * answered when the caller's roles hold its capability; every read is the caller's jurisdiction — a list
 * index partition (jl2–jl4, or jl1's shards for the root), a state partition narrowed to the scope, or the
 * quarter's aggregates — so the answer costs what it shows, not what the table holds.
 */
import {
  can,
  formatInstant,
  instantMs,
  localDateOf,
  pendingExtension,
  quarterKey,
  quarterOfDate,
} from '@jiandu/shared';
import type {
  ExtensionQueueItem,
  HomeCount,
  HomeResponse,
  RectificationRow,
  ReviewItem,
} from '@jiandu/shared/api';
import type { Deps } from '../../app/deps.js';
import type { Principal } from '../../auth/principal.js';
import { listAlerts } from '../alerts/alerts.js';
import { scopeOf } from '../org/jurisdiction.js';
import { listPetitions } from '../petitions/petitions.js';
import { objectionQueue } from '../rankings/notices.js';
import { computeDrafts } from '../rankings/rankings.js';
import { listRectifications } from '../rectifications/list.js';
import { listSignals, listTriage } from '../signals/signals.js';
import { behindGroups, compareSubordinates, ownRank } from './behind.js';
import { byUrgency, type OpenWork, readOpenWork, tally } from './open-work.js';

/** Items each queue shows on the home page (查看全部 lists the rest). */
export const HOME_QUEUE = 10;
/** A count reads one page of this many at most ("100+" beyond). */
const COUNT = 100;

const countOf = (page: { items: unknown[]; cursor: string | null }): HomeCount => ({
  n: page.items.length,
  more: page.cursor !== null,
});

const absent = Promise.resolve(undefined);

const byRequest = (a: ExtensionQueueItem, b: ExtensionQueueItem): number =>
  instantMs(a.request.requestedAt) - instantMs(b.request.requestedAt) ||
  (a.rectification.id < b.rectification.id ? -1 : a.rectification.id > b.rectification.id ? 1 : 0);

/** The rows' pending extension requests, the longest waiting first. */
const queued = (rows: readonly RectificationRow[]): ExtensionQueueItem[] =>
  rows
    .flatMap((row): ExtensionQueueItem[] => {
      const request = pendingExtension(row);
      return request ? [{ rectification: row, request }] : [];
    })
    .sort(byRequest);

/**
 * 延期申请 waiting for a decision, the longest waiting first. A pending request is only ever on an open
 * rectification, and the open work read every open one of the jurisdiction (the due lists hold exactly
 * those): the queue is taken from it — at the city that is one list of 16 shards and its refills (33
 * queries on the demo, a filter that keeps few of what it reads) fewer. A jurisdiction with more open
 * work than the home page reads (`more`) reads the list instead, after the open work: its first page (the
 * newest rectifications with a request pending) in the same order, `more` telling that others wait.
 */
export async function extensionQueue(
  deps: Deps,
  p: Principal,
  open: OpenWork | undefined,
): Promise<NonNullable<HomeResponse['extensions']>> {
  if (open && !open.more) {
    const items = queued(open.rows.map((o) => o.row));
    return { items: items.slice(0, HOME_QUEUE), more: items.length > HOME_QUEUE };
  }
  const page = await listRectifications(deps, p, { limit: HOME_QUEUE, state: 'open', extension: 'pending' });
  return { items: queued(page.items), more: page.cursor !== null };
}

export async function homeOf(deps: Deps, p: Principal): Promise<HomeResponse> {
  const has = (c: Parameters<typeof can>[1]) => can(p.roles, c);
  const scheme = await deps.scheme();
  const now = deps.clock();
  const quarter = quarterKey(quarterOfDate(localDateOf(now, scheme.timeZone)));
  const scope = await scopeOf(deps, p);
  const page = { limit: HOME_QUEUE };

  // Every section at once (only the extension queue of a jurisdiction too large for the open work's read
  // waits, see extensionQueue): at the root each list is the 16 shards merged, and petitions and signals
  // are one read each, counted by state here — one read instead of one per state (2 for petitions, 3 for
  // signals) is 48 queries fewer for the city.
  const [review, objections, triage, alerts, openWork, draft, petitionsDue, signals, tree] =
    await Promise.all([
      has('rectification.review') ? listRectifications(deps, p, { ...page, review: 'mine' }) : absent,
      has('ranking.decideObjection') ? objectionQueue(deps, p, 'pending') : absent,
      has('signal.triage.read') ? listTriage(deps, p, { limit: COUNT }) : absent,
      has('alert.read') ? listAlerts(deps, p, { limit: 5, state: 'open' }) : absent,
      has('rectification.read') ? readOpenWork(deps, p, scope) : absent,
      has('ranking.read') ? computeDrafts(deps, p, quarter) : absent,
      // By deadline: the open clocks only, overdue first (an SLA state is a key range of the due list).
      has('petition.read') ? listPetitions(deps, p, { limit: 2 * COUNT, sort: 'deadline' }) : absent,
      has('signal.read') ? listSignals(deps, p, { limit: 3 * COUNT }) : absent,
      deps.units.tree(),
    ]);

  const extensions = has('rectification.decideExtension')
    ? await extensionQueue(deps, p, openWork)
    : undefined;

  const named = new Set<string>();
  const res: HomeResponse = { at: formatInstant(now, scheme.timeZone), quarter, unitNames: {} };
  if (review) {
    res.review = {
      items: review.items.map(
        (r): ReviewItem => ({ ...r, step: r.state === 'submitted' ? 'first' : 'second' }),
      ),
      more: review.cursor !== null,
    };
    for (const r of review.items) named.add(r.unitId);
  }
  if (objections) {
    res.objections = {
      items: objections.items.slice(0, HOME_QUEUE),
      more: objections.items.length > HOME_QUEUE,
    };
    for (const o of res.objections.items) named.add(o.unitId);
  }
  if (extensions) {
    res.extensions = extensions;
    for (const x of extensions.items) named.add(x.rectification.unitId);
  }
  if (petitionsDue) {
    const overdue = petitionsDue.items.filter((v) => v.light === 'red').length;
    const pending = petitionsDue.items.length - overdue;
    const more = petitionsDue.cursor !== null;
    // Overdue come first: more of them may follow only if all that were read are overdue.
    res.petitions = {
      overdue: { n: overdue, more: more && pending === 0 },
      pending: { n: pending, more },
    };
  }
  if (signals) {
    const more = signals.cursor !== null;
    const n = (s: string) => signals.items.filter((x) => x.severity === s).length;
    res.signals = {
      major: { n: n('major'), more },
      notable: { n: n('notable'), more },
      ordinary: { n: n('ordinary'), more },
    };
  }
  if (triage) res.triage = countOf(triage);
  if (alerts) res.alerts = { items: alerts.items, more: alerts.cursor !== null };
  if (openWork) {
    const t = tally(openWork.rows);
    res.open = { count: { n: t.open, more: openWork.more }, overdue: t.overdue, lights: t.lights };
    if (has('rectification.work')) {
      const work = openWork.rows.map((o) => o.row).sort(byUrgency);
      res.toAct = { items: work.slice(0, HOME_QUEUE), more: work.length > HOME_QUEUE || openWork.more };
      for (const r of res.toAct.items) named.add(r.unitId);
    }
  }
  if (draft) {
    const groups = behindGroups(draft);
    const units = compareSubordinates(tree, p.unitId, draft, openWork?.rows ?? []);
    res.behind = { groups, units };
    res.rank = ownRank(tree, p.unitId, draft);
    if (res.rank) named.add(res.rank.unitId);
    for (const g of groups) {
      named.add(g.parentUnitId);
      for (const l of g.last) named.add(l.unitId);
    }
    for (const u of units) named.add(u.unitId);
  }
  for (const a of res.alerts?.items ?? []) if (a.unitId) named.add(a.unitId);
  named.add(p.unitId);
  for (const id of named) {
    if (tree.has(id)) res.unitNames[id] = tree.get(id).name;
  }
  return res;
}
