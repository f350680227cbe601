/**
 * The HMAC keys of the deployment in AWS — petitioner matching (DESIGN §6) and list cursors
 * (store/cursor.ts): one 32-byte key each for the whole deployment, made on the first cold start as a KMS
 * data key and kept only wrapped, in the table (`keys.meta`). Every
 * later cold start unwraps the same key, so matching keys stay stable across functions and deploys. Two
 * first starts racing: the conditional put lets one key win, and the loser reads the winner's.
 */
import type { KeyWrapper } from '../crypto/pii.js';
import { keys } from '../store/keys.js';
import { getItem, putItem, type TableRef } from '../store/table-ops.js';

export const PII_HMAC_KEY = keys.meta('pii-hmac-key');
export const CURSOR_HMAC_KEY = keys.meta('cursor-hmac-key');

type MetaKey = typeof PII_HMAC_KEY;

type Doc = TableRef['doc'];

async function readWrapped(doc: Doc, tableName: string, key: MetaKey): Promise<string | undefined> {
  const item = await getItem({ doc, tableName }, key);
  return typeof item?.wrappedKey === 'string' ? item.wrappedKey : undefined;
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
  let won: boolean;
  try {
    won = await putItem(
      { doc, tableName },
      { ...key, kek: wrapper.kekId, wrappedKey: wrapped, createdAt },
      { ifAbsent: true },
    );
  } catch (e) {
    plaintext.fill(0);
    throw e;
  }
  if (won) return plaintext;
  plaintext.fill(0);
  const winner = await readWrapped(doc, tableName, key);
  if (!winner) throw new Error('the deployment key was neither written nor readable');
  return wrapper.unwrap(winner);
}
