/**
 * The HMAC keys of the deployment in AWS — petitioner matching (DESIGN §6) and list cursors
 * (store/cursor.ts): one 32-byte key each for the whole deployment, made on the first cold start as a KMS
 * data key and kept only wrapped, in the table (`keys.meta`). Every
 * later cold start unwraps the same key, so matching keys stay stable across functions and deploys. Two
 * first starts racing: the conditional put lets one key win, and the loser reads the winner's.
 */
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { KeyWrapper } from '../crypto/pii.js';
import { keys } from '../store/keys.js';

export const PII_HMAC_KEY = keys.meta('pii-hmac-key');
export const CURSOR_HMAC_KEY = keys.meta('cursor-hmac-key');

type MetaKey = typeof PII_HMAC_KEY;

type Doc = Pick<DynamoDBDocumentClient, 'send'>;

async function readWrapped(doc: Doc, tableName: string, key: MetaKey): Promise<string | undefined> {
  const r = await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  return typeof r.Item?.wrappedKey === 'string' ? r.Item.wrappedKey : undefined;
}

export const loadPiiHmacKey = (doc: Doc, tableName: string, wrapper: KeyWrapper, createdAt: string) =>
  loadDeploymentKey(doc, tableName, PII_HMAC_KEY, wrapper, createdAt);

export const loadCursorKey = (doc: Doc, tableName: string, wrapper: KeyWrapper, createdAt: string) =>
  loadDeploymentKey(doc, tableName, CURSOR_HMAC_KEY, wrapper, createdAt);

async function loadDeploymentKey(
  doc: Doc,
  tableName: string,
  key: MetaKey,
  wrapper: KeyWrapper,
  createdAt: string,
): Promise<Buffer> {
  const stored = await readWrapped(doc, tableName, key);
  if (stored) return wrapper.unwrap(stored);
  const { plaintext, wrapped } = await wrapper.generateDataKey();
  try {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...key, kek: wrapper.kekId, wrappedKey: wrapped, createdAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return plaintext;
  } catch (e) {
    plaintext.fill(0);
    if ((e as { name?: string }).name !== 'ConditionalCheckFailedException') throw e;
    const winner = await readWrapped(doc, tableName, key);
    if (!winner) throw e;
    return wrapper.unwrap(winner);
  }
}
