/**
 * Dead letters (issue 7): deliveries that failed the policy's last try, listed for admins (in their
 * jurisdiction) with the last error; an admin's retry puts one back to pending with a fresh count of
 * tries, conditioned on the version the admin saw.
 */
import {
  type DeadLetterListQuery,
  type DeliveryView,
  deadLetterListQuerySchema,
  deadLetterRetryRequestSchema,
} from '@jiandu/shared/api';
import { type Deps, nowIso } from '../app/deps.js';
import { EdgeError } from '../app/edge-error.js';
import type { Principal } from '../auth/principal.js';
import { listScope, readVisible } from '../services/org/jurisdiction.js';
import { assertVersion, commitOrConflict } from '../services/records/conflict.js';
import { pagingOf } from '../services/records/lists.js';
import { partitions } from '../store/keys.js';
import { RecordStore } from '../store/record-store.js';
import { Tx } from '../store/tx.js';
import { type Delivery, deliveryIndex } from './deliveries.js';

export { deadLetterListQuerySchema as deadLetterListSchema, deadLetterRetryRequestSchema as retryBody };

export async function listDeadLetters(deps: Deps, p: Principal, q: DeadLetterListQuery) {
  const prefix = await listScope(deps, p, undefined);
  const page = await deps.store.pagePartition(partitions.byState('delivery', 'dead'), {
    unitPathPrefix: prefix,
    limit: q.limit,
    ...pagingOf(p, q),
  });
  return {
    items: page.items.map((i) => {
      const s = RecordStore.fromItem<Delivery>(i);
      return { ...s.data, version: s.version };
    }),
    cursor: page.cursor,
  };
}

export async function retryDeadLetter(
  deps: Deps,
  p: Principal,
  id: string,
  expectedVersion: number,
): Promise<DeliveryView> {
  const before = await readVisible<Delivery>(deps, p, 'delivery', id);
  const view = (): DeliveryView => ({ ...before.data, version: before.version });
  assertVersion(expectedVersion, before, view);
  if (before.data.state !== 'dead')
    throw new EdgeError('delivery.notDead', `the delivery is ${before.data.state}, not dead`, {
      field: 'id',
      extra: { current: view() },
    });
  const data: Delivery = { ...before.data, state: 'pending', attempts: 0, dueMs: deps.clock() };
  const tx = new Tx(deps.tableName);
  const { stored } = deps.store.write(tx, {
    type: 'delivery',
    id,
    before,
    data,
    index: deliveryIndex(data, before.unitPath),
    actor: { id: p.id, role: 'admin' },
    at: await nowIso(deps),
    action: 'delivery.retry',
  });
  await commitOrConflict(
    () => tx.commit(deps.doc),
    async () => {
      const now = await deps.store.get<Delivery>('delivery', id);
      return now ? { ...now.data, version: now.version } : null;
    },
  );
  return { ...stored.data, version: stored.version };
}
