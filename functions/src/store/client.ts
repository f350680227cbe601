/**
 * The DynamoDB document client of a deployment (Lambda: region and credentials from its environment).
 * DynamoDB Local's clients are made by local/client.ts; everything else receives a client in its deps.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export type DocumentClient = DynamoDBDocumentClient;

/** A document client of the Lambda's region; undefined attributes are left out of items. */
export const awsDocumentClient = (): DocumentClient =>
  DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } });
