import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { dynamoClient } from './client.js';
import { LocalStoreError } from './errors.js';

/**
 * Polls ListTables until DynamoDB Local answers. Fails with `startFailure(status)` as soon as the process
 * ends, or with 'localStore.startTimeout' (after killing it) when `timeoutMs` passes without an answer.
 */
export async function waitUntilAnswering<ExitStatus>(
  endpoint: string,
  child: ChildProcess,
  exited: Promise<ExitStatus>,
  timeoutMs: number,
  startFailure: (status: ExitStatus) => LocalStoreError,
  output: () => string,
): Promise<void> {
  let ended: { status: ExitStatus } | undefined;
  void exited.then((status) => {
    ended = { status };
  });
  const probe = dynamoClient(endpoint, { maxAttempts: 1 });
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  try {
    for (;;) {
      if (ended !== undefined) throw startFailure(ended.status);
      try {
        // Refused at once until java listens; after that a cold JVM may take seconds for its first answer.
        await probe.client.send(new ListTablesCommand({ Limit: 1 }), {
          abortSignal: AbortSignal.timeout(Math.max(deadline - Date.now(), 1)),
        });
        return;
      } catch (error) {
        lastError = error;
      }
      if (Date.now() >= deadline) {
        child.kill('SIGKILL');
        await exited;
        throw new LocalStoreError(
          'localStore.startTimeout',
          `DynamoDB Local did not answer ListTables at ${endpoint} within ${timeoutMs} ms ` +
            `(last error: ${lastError instanceof Error ? lastError.message : String(lastError)}). ` +
            `Last output lines:\n${output()}`,
          { cause: lastError, output: output() },
        );
      }
      await Promise.race([sleep(100), exited]);
    }
  } finally {
    probe.destroy();
  }
}
