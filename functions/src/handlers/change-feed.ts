/**
 * Lambda entry of the change feed (services/integrity/change-feed.ts): the table's stream → a marker per changed
 * record and day. Kept small on purpose — a document client and the markers, none of the app — since it
 * runs on every write. A failed batch is retried, halved, then sent to the dead-letter queue (alarmed).
 */

import type { DynamoDBStreamEvent } from 'aws-lambda';
import { readAwsEnv } from '../env.js';
import { itemsOfStream, markChanges } from '../services/integrity/change-feed.js';
import { awsDocumentClient } from '../store/client.js';
import { HANDLERS } from './registry.js';

const env = readAwsEnv(HANDLERS['change-feed'].env);
const doc = awsDocumentClient();

export const handler = async (event: DynamoDBStreamEvent) => {
  const marked = await markChanges({ doc, tableName: env.TABLE_NAME }, itemsOfStream(event));
  return { marked };
};
