/**
 * Reading rectifications with what the record store does not return: the `horizon` attribute the
 * rectification index keeps on the state item (the last quarter its open-and-overdue count is
 * materialized for), and the view a caller gets (the record plus what is derived for them).
 */

import {
  allowedActions,
  daysOverdue,
  formatInstant,
  localDateOf,
  type QuarterKey,
  type Rectification,
  rectificationLight,
} from '@jiandu/shared';
import type { RectificationView } from '@jiandu/shared/api';
import type { Deps } from '../../app/deps.js';
import type { Principal } from '../../auth/principal.js';
import { partitions } from '../../store/keys.js';
import { RecordStore, type StoredRecord } from '../../store/record-store.js';
import { shardItems } from '../../store/table-ops.js';
import { namesOf } from '../org/names.js';

export interface StoredRectification {
  stored: StoredRecord<Rectification>;
  /** The stored horizon (see RectificationFacts.horizon). */
  horizon: QuarterKey;
}

/** A rectification as read or acted on (`@jiandu/shared/api`): daysOverdue is derived, never stored. */
export type { RectificationView };

/** Every user id a rectification names. */
const peopleOf = (r: Rectification): string[] => [
  ...[...r.measures, ...r.progress, ...r.evidence].map((x) => x.by),
  ...[r.submittedBy, r.firstReviewerId, r.secondReviewerId, r.lastRejection?.by].filter(
    (x): x is string => typeof x === 'string',
  ),
  ...r.extensions.flatMap((e) => [e.requestedBy, ...(e.decidedBy ? [e.decidedBy] : [])]),
];

const fromItem = (item: Record<string, unknown>): StoredRectification => ({
  stored: RecordStore.fromItem<Rectification>(item),
  horizon: String(item.horizon),
});

/** The state item with its horizon (strongly consistent), or null. */
export async function readRectification(deps: Deps, id: string): Promise<StoredRectification | null> {
  const item = await deps.store.getItem('rectification', id);
  return item ? fromItem(item) : null;
}

/**
 * Every open rectification (the quarter-end horizon job, the scheme editor's preview): the ROOT_SHARDS
 * shards of the due list jd1, which holds every rectification not closed — no partition that every open
 * rectification of the country shares (ACCESS-PATTERNS "No hot partition") — a page at a time, never
 * all in memory at once.
 */
export async function* openRectifications(deps: Deps): AsyncGenerator<StoredRectification> {
  for await (const item of shardItems(deps, partitions.dueShards('rectification'))) yield fromItem(item);
}

export async function viewOf(deps: Deps, p: Principal, rect: Rectification): Promise<RectificationView> {
  const scheme = await deps.scheme();
  const at = formatInstant(deps.clock(), scheme.timeZone);
  return {
    ...rect,
    allowedActions: allowedActions(rect, p),
    daysOverdue: daysOverdue(rect, at, scheme.timeZone),
    light: rectificationLight(rect, at, scheme),
    names: Object.fromEntries(await namesOf(deps, 'user', peopleOf(rect))),
  };
}

/** Today in the scheme's time zone. */
export async function today(deps: Deps): Promise<string> {
  return localDateOf(deps.clock(), (await deps.scheme()).timeZone);
}
