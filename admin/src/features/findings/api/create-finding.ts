/**
 * Logging a finding: sent at once when online, with the draft's Idempotency-Key; kept in the outbox when
 * offline (or when the request never got an answer) and sent later with the same key — never twice.
 */
import type { Finding, FindingInput } from '@jiandu/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { API, api } from '../../../lib/api.js';
import { NetworkError } from '../../../lib/api-client.js';
import type { OutboxEntry } from '../../../lib/outbox.js';
import { outbox } from '../../../lib/outbox-idb.js';
import { findingKeys } from './findings.js';

export const FINDINGS_PATH = `${API}/findings`;

export type CreateOutcome = { kind: 'created'; finding: Finding } | { kind: 'queued'; key: string };

export async function createFinding(body: FindingInput, key: string): Promise<CreateOutcome> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) {
    await outbox.enqueue('finding', FINDINGS_PATH, body, key);
    return { kind: 'queued', key };
  }
  try {
    const finding = await api.post<Finding>(FINDINGS_PATH, body, { 'idempotency-key': key });
    return { kind: 'created', finding };
  } catch (e) {
    if (e instanceof NetworkError) {
      await outbox.enqueue('finding', FINDINGS_PATH, body, key);
      return { kind: 'queued', key };
    }
    throw e;
  }
}

export function useCreateFinding() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: FindingInput; key: string }) => createFinding(body, key),
    onSuccess: (r) => {
      if (r.kind === 'created') void qc.invalidateQueries({ queryKey: findingKeys.all });
    },
  });
}

/** The findings waiting in the outbox, live. */
export function useFindingOutbox(): OutboxEntry<FindingInput>[] {
  const [items, setItems] = useState<OutboxEntry<FindingInput>[]>([]);
  useEffect(() => {
    const load = () => void outbox.list('finding').then((l) => setItems(l as OutboxEntry<FindingInput>[]));
    load();
    return outbox.subscribe(load);
  }, []);
  return items;
}

export function useFlushOutbox() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (retryKey?: string) => {
      if (retryKey) await outbox.retry(retryKey);
      return outbox.flush((e) => api.post(e.path, e.body, { 'idempotency-key': e.key }));
    },
    onSuccess: (r) => {
      if (r.sent.length) void qc.invalidateQueries({ queryKey: findingKeys.all });
    },
  });
}
