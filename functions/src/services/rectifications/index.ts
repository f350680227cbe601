/**
 * The index entries of a rectification's state item: the lists (jurisdiction, due), by unit. No state
 * partition: the open ones are read from the due list's shards (read.ts openRectifications), the sweeps'
 * from the wake list — a state partition would take every open rectification of the country.
 */
import type { Rectification } from '@jiandu/shared';
import type { RecordIndex } from '../../store/record-store.js';

export const rectificationIndex = (r: Rectification, unitPath: string, horizon: string): RecordIndex => ({
  unitPath,
  listSort: r.createdAt,
  unit: { unitId: r.unitId, sort: r.deadline },
  extra: {
    state: r.state,
    deadline: r.deadline,
    horizon,
    sourceKind: r.source.kind,
    // The extension queue's filter (延期申请 waiting for a supervisor): kept on the state item because a
    // filter cannot look inside the list of requests. Written with every write of the record.
    extPending: r.extensions.some((e) => e.decision === 'pending'),
  },
});
