/**
 * The offline outbox: a write drafted without a connection is kept on the device (IndexedDB) with its
 * Idempotency-Key, made once per draft, and sent when the connection returns (the `online` event and
 * app start). Never lost: an entry leaves the outbox only once the server has answered 2xx for it, and
 * a refusal (4xx) stays, with the reason, until the user deletes it. Never twice: one flush at a time
 * (in this tab, and across tabs through the Web Locks API where there is one), and a retry of a request
 * whose answer was lost carries the same key, for which the API returns the first result.
 */
import { ApiError, NetworkError } from './api-client.js';

export interface OutboxEntry<B = unknown> {
  /** The Idempotency-Key, also the entry's id. */
  key: string;
  kind: string;
  path: string;
  body: B;
  createdAt: number;
  attempts: number;
  lastError: { status: number; code: string; message: string; field?: string } | null;
}

export interface OutboxStorage {
  all(): Promise<OutboxEntry[]>;
  put(e: OutboxEntry): Promise<void>;
  remove(key: string): Promise<void>;
}

export type Send = (e: OutboxEntry) => Promise<unknown>;

export interface FlushResult {
  sent: string[];
  refused: string[];
  offline: boolean;
}

export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** In-memory storage (tests, and browsers without IndexedDB). */
export function memoryStorage(): OutboxStorage {
  const m = new Map<string, OutboxEntry>();
  return {
    all: async () => [...m.values()].map((e) => structuredClone(e)),
    put: async (e) => {
      m.set(e.key, structuredClone(e));
    },
    remove: async (k) => {
      m.delete(k);
    },
  };
}

export class Outbox {
  private inFlight: Promise<FlushResult> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: OutboxStorage) {}

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private changed() {
    for (const l of this.listeners) l();
  }

  async list(kind?: string): Promise<OutboxEntry[]> {
    const all = await this.storage.all();
    return all.filter((e) => !kind || e.kind === kind).sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Keeps a draft; `key` is the draft's Idempotency-Key (made once when the draft was opened). */
  async enqueue<B>(kind: string, path: string, body: B, key = newIdempotencyKey()): Promise<OutboxEntry<B>> {
    const e: OutboxEntry<B> = { key, kind, path, body, createdAt: Date.now(), attempts: 0, lastError: null };
    await this.storage.put(e as OutboxEntry);
    this.changed();
    return e;
  }

  async remove(key: string): Promise<void> {
    await this.storage.remove(key);
    this.changed();
  }

  /** Sends every waiting entry once; a flush already under way is joined, never doubled. */
  flush(send: Send): Promise<FlushResult> {
    if (this.inFlight) return this.inFlight;
    const run = () => this.flushNow(send);
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    const started: Promise<FlushResult> = locks
      ? (locks.request('jiandu-outbox', run) as unknown as Promise<FlushResult>)
      : run();
    const p = started.finally(() => {
      this.inFlight = null;
    });
    this.inFlight = p;
    return p;
  }

  private async flushNow(send: Send): Promise<FlushResult> {
    const out: FlushResult = { sent: [], refused: [], offline: false };
    for (const e of await this.list()) {
      if (e.lastError && e.lastError.status < 500) continue; // refused: waits for the user
      try {
        await send(e);
        await this.storage.remove(e.key);
        out.sent.push(e.key);
      } catch (err) {
        if (err instanceof NetworkError) {
          out.offline = true;
          break;
        }
        const status = err instanceof ApiError ? err.status : 0;
        await this.storage.put({
          ...e,
          attempts: e.attempts + 1,
          lastError: {
            status,
            code: err instanceof ApiError ? err.code : 'unknown',
            message: (err as Error).message,
            ...(err instanceof ApiError && err.field ? { field: err.field } : {}),
          },
        });
        if (status > 0 && status < 500) out.refused.push(e.key);
        else break; // the server is unwell: try again later, in order
      }
    }
    if (out.sent.length || out.refused.length) this.changed();
    return out;
  }

  /** Clears a refusal so the next flush tries again (after the user fixed what the server named). */
  async retry(key: string): Promise<void> {
    const e = (await this.storage.all()).find((x) => x.key === key);
    if (e) await this.storage.put({ ...e, lastError: null });
    this.changed();
  }
}
