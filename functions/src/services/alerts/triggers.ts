/**
 * What the rules that raise alerts (alerts.ts writeAlert) and propose cases (cases.ts writeCaseProposal)
 * share: the check of a trigger marker before raising. The marker is put with a
 * condition in the same transaction as the record, so a second raise of the same trigger — a retry,
 * another petition revealing the same missed SLA, a concurrent sweep — cannot create a second one.
 */
import type { Deps } from '../../app/deps.js';
import { keys } from '../../store/keys.js';

/** Whether a trigger already raised its record (consistent read of the marker). */
export async function triggerRaised(deps: Deps, kind: 'alert' | 'case', key: string): Promise<boolean> {
  return (await deps.store.item(keys.trigger(kind, key))) !== null;
}
