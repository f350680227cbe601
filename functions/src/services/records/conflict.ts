/**
 * Optimistic concurrency at the edge (DESIGN §5): a write names the version it read; the loser of a race
 * (or a stale client) gets 409 problem+json carrying the record as it is now (`current`).
 */
import { EdgeError } from '../../app/edge-error.js';
import { TxCancelled } from '../../store/tx.js';

/** 409 `conflict.version` with the record as it is now; `what` names it in the message. */
export const versionConflict = (current: unknown, what = 'record'): EdgeError =>
  new EdgeError('conflict.version', `the ${what} changed since it was read; reload and retry`, {
    extra: { current },
  });

/** 409 with the current view unless the caller read the stored version. */
export function assertVersion(expected: number, stored: { version: number }, current: () => unknown): void {
  if (expected !== stored.version) throw versionConflict(current());
}

/**
 * Commits; when the transaction is cancelled because a record's version condition failed (someone else
 * wrote it in between), answers 409 with the record re-read.
 */
export async function commitOrConflict(
  commit: () => Promise<void>,
  reread: () => Promise<unknown>,
): Promise<void> {
  try {
    await commit();
  } catch (e) {
    if (e instanceof TxCancelled && e.failedLabels().some((l) => /(^|:)record:/.test(l))) {
      throw versionConflict(await reread());
    }
    throw e;
  }
}
