/** Sends the offline outbox on app start and whenever the connection returns. */
import { can } from '@jiandu/shared/access';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../lib/api.js';
import { outbox } from '../lib/outbox-idb.js';
import { session } from '../lib/session.js';

export function OutboxSync() {
  const qc = useQueryClient();
  useEffect(() => {
    const flush = async () => {
      if (!session.get()) return;
      const r = await outbox.flush((e) => api.post(e.path, e.body, { 'idempotency-key': e.key }));
      if (r.sent.length) await qc.invalidateQueries();
    };
    void flush();
    window.addEventListener('online', flush);
    // Inspectors work in the field: 20 s after the app starts (the first screens have loaded), the
    // service worker keeps every screen's code on the device, so the app opens offline too.
    const precache = window.setTimeout(() => {
      if (!can(session.get()?.user.roles ?? [], 'finding.create')) return;
      void navigator.serviceWorker?.ready.then((r) => r.active?.postMessage('precache'));
    }, 20_000);
    const unsub = session.subscribe(() => void flush());
    return () => {
      window.removeEventListener('online', flush);
      window.clearTimeout(precache);
      unsub();
    };
  }, [qc]);
  return null;
}
