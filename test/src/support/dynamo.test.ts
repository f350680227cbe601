import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable, LOCAL_TABLE, startTestStore, type TestStore } from './dynamo.js';

const JVM_START = 60_000;

describe('startTestStore', () => {
  let db: TestStore;
  beforeAll(async () => {
    db = await startTestStore();
  }, JVM_START);
  afterAll(async () => {
    await db?.stop();
  }, JVM_START);

  it('gives an in-memory store with the one table already created', async () => {
    expect(db.store.dataDir).toBeUndefined();
    expect(db.endpoint).toBe(`http://127.0.0.1:${db.store.port}`);
    expect(await ensureTable(db.client, LOCAL_TABLE)).toBe('exists');
  });
});
