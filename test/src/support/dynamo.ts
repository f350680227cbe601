import {
  type DynamoClients,
  type DynamoLocal,
  type DynamoLocalOptions,
  dynamoClient,
  startDynamoLocal,
} from '@jiandu/functions/local';
import { ensureTable, localTable, TABLE, type TableDefinition } from '@jiandu/functions/store';

/** The table a test store holds (DynamoDB Local's: no stream, see localTable). */
export const LOCAL_TABLE = localTable(TABLE.name);
export { ensureTable };

export interface TestStoreOptions extends DynamoLocalOptions {
  /** The table to create once the store answers (default: the one table); false for none. */
  table?: TableDefinition | false;
  /** SDK attempts per request (default: the SDK's 3). */
  maxAttempts?: number;
}

export interface TestStore extends DynamoClients {
  /** The running DynamoDB Local (kill() it for crash tests). */
  store: DynamoLocal;
  endpoint: string;
  table: TableDefinition | undefined;
  /** Closes the clients and stops the store. */
  stop(): Promise<void>;
}

/**
 * A real DynamoDB Local for one test file, in memory unless `dataDir` is given, with the table created.
 * Start it in beforeAll and stop it in afterAll: the JVM takes a second or two to start.
 */
export async function startTestStore(options: TestStoreOptions = {}): Promise<TestStore> {
  const { table = LOCAL_TABLE, maxAttempts, ...localOptions } = options;
  const store = await startDynamoLocal(localOptions);
  const clients = dynamoClient(store.endpoint, maxAttempts === undefined ? {} : { maxAttempts });
  const stop = async () => {
    clients.destroy();
    await store.stop();
  };
  try {
    if (table !== false) await ensureTable(clients.client, table);
  } catch (error) {
    await stop();
    throw error;
  }
  return { ...clients, store, endpoint: store.endpoint, table: table === false ? undefined : table, stop };
}
