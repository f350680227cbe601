/**
 * The direct side of a comparison makes exactly the transactional writes the service makes: the service
 * runs against deps whose document client records each TransactWriteItems instead of sending it (reads
 * still go to the store), and the bench later sends the recorded inputs itself with the SDK.
 */
import {
  type DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../../functions/src/app/deps.js';

export type RecordedTx = TransactWriteCommandInput;

export interface Capture {
  deps: Deps;
  /** The transactions recorded since the last take(), in order; clears the record. */
  take(): RecordedTx[];
}

/**
 * `absent`: partition keys the bench knows are not stored (fresh natural keys); a GetItem of one is
 * answered "no item" without asking the store, so recording a batch does not wait for a thousand reads
 * whose answer is known. The recorded writes are the same either way.
 */
export function capturingDeps(deps: Deps, absent: ReadonlySet<string> = new Set()): Capture {
  let recorded: RecordedTx[] = [];
  const real = deps.doc;
  const doc = {
    send: async (command: unknown) => {
      if (command instanceof TransactWriteCommand) {
        recorded.push(command.input);
        return {};
      }
      if (command instanceof GetCommand && absent.has(String(command.input.Key?.pk))) return {};
      return real.send(command as never);
    },
  } as unknown as DynamoDBDocumentClient;
  return {
    deps: { ...deps, doc },
    take() {
      const out = recorded;
      recorded = [];
      return out;
    },
  };
}

export async function sendTx(doc: DynamoDBDocumentClient, tx: RecordedTx): Promise<void> {
  await doc.send(new TransactWriteCommand(tx));
}
