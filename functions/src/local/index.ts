export { type DynamoClientOptions, type DynamoClients, dynamoClient } from './client.js';
export {
  DYNAMO_LOCAL_JVM_FLAGS,
  type DynamoLocal,
  type DynamoLocalOptions,
  type ExitStatus,
  startDynamoLocal,
} from './dynamodb-local.js';
export { LocalStoreError, type LocalStoreErrorCode } from './errors.js';
export { type DynamoLocalJar, findDynamoLocalJar } from './jar.js';
export { mountStatic } from './static.js';
