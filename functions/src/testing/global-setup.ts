/** One DynamoDB Local (in memory) for the whole test run; each suite makes its own table in it. */
import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '../local/dynamodb-local.js';

export default async function setup(project: TestProject) {
  const store = await startDynamoLocal();
  project.provide('dynamoEndpoint', store.endpoint);
  return async () => {
    await store.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
