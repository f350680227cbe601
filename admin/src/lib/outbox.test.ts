import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from './api-client.js';
import { memoryStorage, Outbox, type OutboxEntry } from './outbox.js';

/** A fake server that, like the API, answers a repeated Idempotency-Key with the first result. */
function fakeServer() {
  const stored = new Map<string, unknown>();
  const requests: string[] = [];
  let online = true;
  let loseNextAnswer = false;
  const send = async (e: OutboxEntry) => {
    requests.push(e.key);
    await new Promise((r) => setTimeout(r, 5));
    if (!online) throw new NetworkError('offline');
    if (!stored.has(e.key)) stored.set(e.key, e.body);
    if (loseNextAnswer) {
      loseNextAnswer = false;
      throw new NetworkError('the connection dropped before the answer');
    }
    return stored.get(e.key);
  };
  return {
    send,
    stored,
    requests,
    setOnline: (v: boolean) => {
      online = v;
    },
    loseNextAnswer: () => {
      loseNextAnswer = true;
    },
  };
}

describe('the offline outbox', () => {
  it('keeps a draft while offline and sends it once when the connection returns', async () => {
    const box = new Outbox(memoryStorage());
    const server = fakeServer();
    server.setOnline(false);
    const e = await box.enqueue('finding', '/api/v1/findings', { description: 'a' });
    const r1 = await box.flush(server.send);
    expect(r1.offline).toBe(true);
    expect(await box.list()).toHaveLength(1);
    server.setOnline(true);
    const r2 = await box.flush(server.send);
    expect(r2.sent).toEqual([e.key]);
    expect(await box.list()).toHaveLength(0);
    expect(server.stored.size).toBe(1);
  });

  it('never sends twice when flushes overlap (app start and the online event at once)', async () => {
    const box = new Outbox(memoryStorage());
    const server = fakeServer();
    await box.enqueue('finding', '/api/v1/findings', { description: 'a' });
    await box.enqueue('finding', '/api/v1/findings', { description: 'b' });
    const [a, b, c] = await Promise.all([
      box.flush(server.send),
      box.flush(server.send),
      box.flush(server.send),
    ]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(server.requests).toHaveLength(2);
    expect(new Set(server.requests).size).toBe(2);
    await box.flush(server.send);
    expect(server.requests).toHaveLength(2);
  });

  it('retries a request whose answer was lost with the same key, so the server stores it once', async () => {
    const box = new Outbox(memoryStorage());
    const server = fakeServer();
    const e = await box.enqueue('finding', '/api/v1/findings', { description: 'a' });
    server.loseNextAnswer();
    await box.flush(server.send);
    expect(await box.list()).toHaveLength(1);
    await box.flush(server.send);
    expect(server.requests).toEqual([e.key, e.key]);
    expect(server.stored.size).toBe(1);
    expect(await box.list()).toHaveLength(0);
  });

  it('keeps a refused draft with the reason until the user deletes it (never lost)', async () => {
    const box = new Outbox(memoryStorage());
    let calls = 0;
    const refuse = async () => {
      calls++;
      throw new ApiError(400, { code: 'request.invalid', field: 'unitId', detail: 'unknown unit' });
    };
    const e = await box.enqueue('finding', '/api/v1/findings', { description: 'a' });
    const r = await box.flush(refuse);
    expect(r.refused).toEqual([e.key]);
    const [kept] = await box.list();
    expect(kept?.lastError).toMatchObject({ status: 400, code: 'request.invalid', field: 'unitId' });
    await box.flush(refuse);
    expect(calls).toBe(1);
    await box.remove(e.key);
    expect(await box.list()).toHaveLength(0);
  });

  it('makes one Idempotency-Key per draft and keeps the one it was given', async () => {
    const box = new Outbox(memoryStorage());
    const a = await box.enqueue('finding', '/p', {});
    const b = await box.enqueue('finding', '/p', {});
    const c = await box.enqueue('finding', '/p', {}, 'draft-key-0001');
    expect(a.key).not.toBe(b.key);
    expect(c.key).toBe('draft-key-0001');
  });
});
