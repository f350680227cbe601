/** The outbox dispatcher as a job (every minute locally, its own Lambda in AWS): outbox/dispatcher.ts. */
import type { Deps } from '../app/deps.js';
import { dispatchOutbox } from '../outbox/dispatcher.js';
import type { JobContext, JobResult } from './job.js';

export async function outboxDispatch(deps: Deps, { now }: JobContext): Promise<JobResult> {
  return { job: 'outbox-dispatch', counts: { ...(await dispatchOutbox(deps, now)) } };
}
