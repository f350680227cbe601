/** The outbox's IndexedDB storage (idb-keyval), falling back to memory where IndexedDB is missing. */
import { createStore, del, set, values } from 'idb-keyval';
import { memoryStorage, Outbox, type OutboxEntry, type OutboxStorage } from './outbox.js';

function idbStorage(): OutboxStorage {
  const store = createStore('jiandu', 'outbox');
  return {
    all: () => values<OutboxEntry>(store),
    put: (e) => set(e.key, e, store),
    remove: (k) => del(k, store),
  };
}

export const outbox = new Outbox(typeof indexedDB === 'undefined' ? memoryStorage() : idbStorage());
