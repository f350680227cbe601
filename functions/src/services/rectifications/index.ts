/** The index entries of a rectification's state item: list by deadline, by state, by unit. */
import type { Rectification } from '@jiandu/shared';
import type { RecordIndex } from '../../store/record-store.js';

export const rectificationIndex = (r: Rectification, unitPath: string, horizon: string): RecordIndex => ({
  unitPath,
  listSort: r.createdAt,
  state: { state: r.state === 'closed' ? 'closed' : 'open', sort: r.deadline },
  unit: { unitId: r.unitId, sort: r.deadline },
  extra: { state: r.state, deadline: r.deadline, horizon, sourceKind: r.source.kind },
});
