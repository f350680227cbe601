import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoClients {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  /** Closes the sockets (of both: the document client wraps the base client). */
  destroy(): void;
}

export interface DynamoClientOptions {
  /** Total attempts per request including the first (SDK default 3). */
  maxAttempts?: number;
}

/**
 * SDK v3 clients for a DynamoDB Local endpoint. Credentials and region are fixed fakes: DynamoDB Local
 * runs with `-sharedDb`, so they do not select a database, and nothing is read from the environment.
 */
export function dynamoClient(endpoint: string, options: DynamoClientOptions = {}): DynamoClients {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
  });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return {
    client,
    doc,
    // The document client shares the base client's sockets; its own destroy() is a no-op.
    destroy: () => client.destroy(),
  };
}
